"""The reviewers' web app: upload a bundle, review it with its evidence highlighted, override, sign off."""
