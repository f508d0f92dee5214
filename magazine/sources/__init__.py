"""What the editors give: the issue's manifest, its articles and images, and what they may reach."""
