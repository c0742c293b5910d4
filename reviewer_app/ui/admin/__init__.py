"""The administrator's screen (Organization › Reviewers…): reviewer profiles, their roles and
their keys, behind the administrator's passphrase, which opens the organization CA for as long
as the screen is open."""
