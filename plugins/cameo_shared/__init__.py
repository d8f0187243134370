"""What the three packages (the Hugo plugin, the theme plugin ``cameo`` and the
tooling ``cameo_tools``) share: the rules each applies alike, and the contract
between them. See docs/development.md, "How the three packages talk"."""
