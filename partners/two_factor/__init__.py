"""Two-factor sign-in (django-otp, TOTP) for those who see and shape the most: administrators,
supervisors and superusers. After the password, the admin asks for the 6-digit code of an
authenticator app, or one of ten single-use recovery codes; someone without an app yet enrols
first (a QR code, then one code to confirm). THIPHUENG_TWO_FACTOR_REQUIRED switches it on."""
