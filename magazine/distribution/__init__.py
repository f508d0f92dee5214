"""What distribution receives: the checks every released file passes, and the dist/ bundle."""
