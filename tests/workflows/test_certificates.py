"""The coach's certificates: made once, private and encrypted, refused with a clear message when
the passphrase, the file or the date is wrong; trusted certificates read from PEM and DER."""

from __future__ import annotations

import datetime
import stat
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from worksession.workflows.certificates import (
    CertificateError,
    create_personal_certificate,
    fingerprint,
    is_self_made,
    load_signer,
    signer_name,
    trusted_certificates,
    trusted_certificates_folder,
)


def test_a_personal_certificate_is_private_encrypted_and_self_made(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "personal.p12"
    create_personal_certificate(
        path, name=" Hanneke Vos ", email="h.vos@example.org", passphrase="p"
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(path.read_bytes(), None)  # not readable without it
    signer = load_signer(path, "p")
    assert signer_name(signer) == "Hanneke Vos" and is_self_made(signer)
    assert len(fingerprint(signer).split(":")) == 32
    assert [p.name for p in path.parent.iterdir()] == ["personal.p12"]  # no temporary file


@pytest.mark.parametrize(
    ("name", "passphrase", "field"), [("", "p", "Naam"), ("Hanneke Vos", "", "Wachtwoordzin")]
)
def test_no_certificate_without_a_name_or_a_passphrase(
    tmp_path: Path, name: str, passphrase: str, field: str
) -> None:
    path = tmp_path / "personal.p12"
    with pytest.raises(CertificateError, match=field):
        create_personal_certificate(path, name=name, email="", passphrase=passphrase)
    assert not path.exists()


def _p12(path: Path, *, with_key: bool = True, days: tuple[int, int] = (-1, 30)) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Yvonne Kessels")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now + datetime.timedelta(days=days[0]))
        .not_valid_after(now + datetime.timedelta(days=days[1]))
        .sign(key, hashes.SHA256())
    )
    encryption = serialization.BestAvailableEncryption(b"pas")
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"x", key if with_key else None, certificate, None, encryption
        )
    )
    return path


def test_every_unusable_certificate_file_is_one_clear_message(tmp_path: Path) -> None:
    good = _p12(tmp_path / "good.p12")
    assert signer_name(load_signer(good, "pas")) == "Yvonne Kessels"
    notes = tmp_path / "notes.p12"
    notes.write_text("geen certificaat", encoding="utf-8")
    cases = [
        (good, "fout", "wachtwoordzin klopt niet"),
        (notes, "pas", "geen PKCS#12"),
        (tmp_path / "missing.p12", "pas", "missing.p12"),
        (_p12(tmp_path / "nokey.p12", with_key=False), "pas", "privésleutel"),
        (_p12(tmp_path / "old.p12", days=(-60, -1)), "pas", "niet geldig"),
    ]
    for path, passphrase, expected in cases:
        with pytest.raises(CertificateError) as raised:
            load_signer(path, passphrase)
        assert expected in str(raised.value) and path.name in str(raised.value)


def test_trusted_certificates_come_from_the_folder_and_the_command_line(tmp_path: Path) -> None:
    assert trusted_certificates() == []  # no folder yet: nothing trusted, nothing made
    signer = load_signer(_p12(tmp_path / "yvonne.p12"), "pas")
    assert signer.signing_cert is not None
    der = signer.signing_cert.dump()
    pem = x509.load_der_x509_certificate(der).public_bytes(serialization.Encoding.PEM)
    folder = trusted_certificates_folder()
    folder.mkdir(parents=True)
    (folder / "yvonne.pem").write_bytes(pem)
    (folder / "readme.txt").write_text("certificaten hier", encoding="utf-8")  # not read
    extra = tmp_path / "yvonne.der"
    extra.write_bytes(der)
    assert trusted_certificates([extra]) == [der, der]
    (folder / "broken.crt").write_text("-----BEGIN CERTIFICATE-----\nxx", encoding="utf-8")
    with pytest.raises(CertificateError, match=r"broken\.crt"):
        trusted_certificates()
