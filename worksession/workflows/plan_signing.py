"""From a signed-off plan's PDF to a digitally signed one: choose the certificate, open it, sign.

The command line and the app share this. Without a certificate file the coach's personal
certificate is used, and made the first time (name and e-mail from the settings, or given now
and then kept in the settings). The passphrase comes from the caller: a prompt, a dialog or the
environment. Checking that the plan is signed off is the caller's, before it asks for anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from worksession.i18n import _
from worksession.user.settings import load_settings, save_setting
from worksession.workflows.certificates import (
    CertificateError,
    create_personal_certificate,
    fingerprint,
    is_self_made,
    load_signer,
    personal_certificate_file,
    signer_name,
)


@dataclass(frozen=True)
class SignedPlan:
    data: bytes
    signer: str
    self_made: bool
    fingerprint: str  # of the certificate, to read out to someone who wants to trust it

    @property
    def trust_advice(self) -> str:
        return trust_advice(self.fingerprint)


def trust_advice(fingerprint: str = "") -> str:
    """What a self-made certificate proves, in plain words, for the coach to pass on."""
    text = _(
        "Your certificate is self-made: the signature shows that the plan did not change after "
        "you signed it, but others trust that it is yours only when they know your certificate. "
        "Give them its fingerprint in person or by phone, not in the same e-mail as the plan."
    )
    if fingerprint:
        text += "\n\n" + _("Fingerprint (SHA-256): {fingerprint}").format(fingerprint=fingerprint)
    return text


def needs_personal_certificate(certificate: Path | None) -> bool:
    """Whether signing would first make the coach's personal certificate."""
    return certificate is None and not personal_certificate_file().exists()


def sign_plan_bytes(
    data: bytes,
    *,
    certificate: Path | None,
    passphrase: Callable[[bool], str],
    name: str = "",
    email: str = "",
) -> SignedPlan:
    """``data`` signed with ``certificate`` (a PKCS#12 file) or the personal certificate.

    ``passphrase(confirm)`` is asked once; ``confirm`` is true when a new certificate is being
    made, so a prompt can ask twice. CertificateError for every problem, with the file named."""
    from worksession.export.pdf.signing import sign_pdf

    path = certificate or personal_certificate_file()
    if needs_personal_certificate(certificate):
        settings = load_settings()
        name, email = name.strip() or settings["name"], email.strip() or settings["email"]
        if not name:
            raise CertificateError(
                _("Name: your personal certificate needs your name (give --name or set it)")
            )
        secret = passphrase(True)
        create_personal_certificate(path, name=name, email=email, passphrase=secret)
        for key, value in (("name", name), ("email", email)):
            if not settings[key] and value:
                save_setting(key, value)
    else:
        secret = passphrase(False)
    signer = load_signer(path, secret)
    who = signer_name(signer)
    reason = _("Collaboration plan, signed off by the participants")
    signed = sign_pdf(data, signer, name=who, reason=reason)
    return SignedPlan(signed, who, is_self_made(signer), fingerprint(signer))
