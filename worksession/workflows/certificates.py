"""The coach's signing certificates: a personal one made once, a PKCS#12 file, trusted roots.

Without a certificate of their own (a UZI pass or PKIoverheid certificate as a ``.p12`` file)
the coach gets a personal, self-made certificate: made once with the name and e-mail from the
settings, its key kept in the data folder (0600) in a PKCS#12 file encrypted with a passphrase
the coach chooses. Others trust it only when they know it is the coach's.

The certificates a reader trusts are the files in ``trusted-certificates/`` in the data folder
(PEM or DER), plus any named on the command line. No Qt, no database; cryptography and pyHanko
are imported only when a certificate is made, opened or read.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from worksession.i18n import _
from worksession.support.files import atomic_write_bytes
from worksession.user.locations import data_dir

if TYPE_CHECKING:
    from pyhanko.sign.signers import SimpleSigner

PASSPHRASE_ENV = "WORKSESSION_CERT_PASSPHRASE"  # for scripts and tests; people get a prompt
PERSONAL_FILE = "personal-certificate.p12"
TRUSTED_FOLDER = "trusted-certificates"
VALID_YEARS = 5
KEY_BITS = 3072  # RSA: the kind of key every PDF reader can check
TRUSTED_SUFFIXES = (".pem", ".crt", ".cer", ".der")


class CertificateError(Exception):
    """A certificate that cannot be made or used: the message names the file and the problem."""


def personal_certificate_file() -> Path:
    return data_dir() / PERSONAL_FILE


def trusted_certificates_folder() -> Path:
    return data_dir() / TRUSTED_FOLDER


def create_personal_certificate(path: Path, *, name: str, email: str, passphrase: str) -> None:
    """Make a self-signed signing certificate for ``name`` and keep it, encrypted, at ``path``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import PrivateFormat, pkcs12
    from cryptography.x509.oid import NameOID

    name, email = name.strip(), email.strip()
    if not name:
        raise CertificateError(_("Name: a certificate needs the name of the person who signs"))
    if not passphrase:
        raise CertificateError(_("Passphrase: an empty passphrase does not protect the key"))
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if email:
        attributes.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    subject = x509.Name(attributes)
    now = datetime.datetime.now(datetime.UTC)
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,  # non-repudiation: what a signature under a document means
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))  # a clock a little behind
        .not_valid_after(now + datetime.timedelta(days=365 * VALID_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
    )
    if email:
        alternative = x509.SubjectAlternativeName([x509.RFC822Name(email)])
        builder = builder.add_extension(alternative, critical=False)
    certificate = builder.sign(key, hashes.SHA256())
    encryption = (
        PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(200_000)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase.encode("utf-8"))
    )
    data = pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"), key, certificate, None, encryption
    )
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    atomic_write_bytes(path, data)  # a temporary file made 0600, then renamed
    os.chmod(path, 0o600)


def load_signer(path: Path, passphrase: str) -> SimpleSigner:
    """The signer in the PKCS#12 file ``path``; a clear CertificateError for every problem."""
    from cryptography.hazmat.primitives.serialization import pkcs12
    from pyhanko.sign.signers import SimpleSigner

    try:
        data = path.read_bytes()
    except OSError as error:
        raise CertificateError(f"{path}: {error.strerror or error}") from error
    try:
        key, certificate, _others = pkcs12.load_key_and_certificates(
            data, passphrase.encode("utf-8")
        )
    except ValueError as error:
        # cryptography says the same for a wrong passphrase and for a file that is no PKCS#12.
        raise CertificateError(
            _("{path}: the passphrase is wrong, or this is not a PKCS#12 certificate file").format(
                path=path
            )
        ) from error
    if key is None or certificate is None:
        raise CertificateError(
            _("{path}: the file holds no certificate with its private key").format(path=path)
        )
    now = datetime.datetime.now(datetime.UTC)
    if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
        until = certificate.not_valid_after_utc.astimezone().strftime("%d-%m-%Y")
        raise CertificateError(
            _("{path}: the certificate is not valid now (valid until {date})").format(
                path=path, date=until
            )
        )
    try:
        signer: SimpleSigner = SimpleSigner.load_pkcs12_data(
            data, [], passphrase=passphrase.encode("utf-8")
        )
        return signer
    except (ValueError, TypeError, NotImplementedError) as error:  # e.g. an unsupported key
        raise CertificateError(
            _("{path}: this certificate cannot sign ({reason})").format(path=path, reason=error)
        ) from error


def signer_name(signer: SimpleSigner) -> str:
    """The name in the signer's certificate, as a reader of the signature will see it."""
    certificate = signer.signing_cert
    assert certificate is not None  # load_signer always has one
    names = certificate.subject.native
    return str(names.get("common_name") or certificate.subject.human_friendly)


def is_self_made(signer: SimpleSigner) -> bool:
    certificate = signer.signing_cert
    return certificate is not None and certificate.issuer == certificate.subject


def fingerprint(signer: SimpleSigner) -> str:
    """The certificate's SHA-256 fingerprint, in pairs, to read out to someone who checks it."""
    certificate = signer.signing_cert
    assert certificate is not None
    digest = certificate.sha256.hex().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def trusted_certificates(extra: Sequence[Path] = ()) -> list[bytes]:
    """The certificates (DER) a reader trusts: the trusted-certificates folder, then ``extra``.

    A file that is not a certificate is a CertificateError naming it: a trust list with a
    silently ignored entry would make a signature look untrusted for no reason given."""
    folder = trusted_certificates_folder()
    listed = folder.iterdir() if folder.is_dir() else iter(())
    files = sorted(p for p in listed if p.suffix.lower() in TRUSTED_SUFFIXES)
    certificates: list[bytes] = []
    for path in [*files, *extra]:
        certificates += _read_certificates(path)
    return certificates


def _read_certificates(path: Path) -> list[bytes]:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    try:
        data = path.read_bytes()
    except OSError as error:
        raise CertificateError(f"{path}: {error.strerror or error}") from error
    try:
        if b"-----BEGIN" in data:
            found = x509.load_pem_x509_certificates(data)
        else:
            found = [x509.load_der_x509_certificate(data)]
    except ValueError as error:
        raise CertificateError(
            _("{path}: not a certificate (PEM or DER)").format(path=path)
        ) from error
    return [certificate.public_bytes(Encoding.DER) for certificate in found]
