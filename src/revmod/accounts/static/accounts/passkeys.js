// The profile page's passkeys, around django-otp-webauthn's registration script: a new passkey
// reloads the page (its list and message); a refusal for want of a recent password (401) opens
// the password confirmation, which comes back here (accounts/views.py, ASVS 3.7.1).
document.addEventListener("otp_webauthn.register_complete", () => window.location.reload());
document.addEventListener("otp_webauthn.register_failed", (event) => {
  const response = event.detail && event.detail.response;
  const button = document.getElementById("passkey-register-button");
  if (response && response.status === 401 && button) {
    window.location.assign(button.dataset.confirmUrl);
  }
});
