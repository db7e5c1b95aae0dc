"""``worksession sign`` end to end: demo → freeze → everyone agrees → pdf → sign, and each way
it refuses (a concept, a wrong or empty passphrase, no name) with one line and nothing written."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.running import run
from tests.export.certificate_authority import authority
from worksession.export.pdf.signing import check_signatures
from worksession.user.settings import load_settings
from worksession.workflows.certificates import (
    PASSPHRASE_ENV,
    personal_certificate_file,
    trusted_certificates_folder,
)

PASSPHRASE = "zomer in Kaalheide"


@pytest.fixture
def plans(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, Path]:
    """The demo's concept plan and the same version signed off by everyone present."""
    db = str(tmp_path / "cli.sqlite3")
    run(capsys, "demo", "--db", db)
    run(capsys, "freeze", "1", "--db", db)
    concept = tmp_path / "concept.pdf"
    assert run(capsys, "pdf", "1", "--out", str(concept), "--db", db)[0] == 0
    exported = tmp_path / "session.json"
    run(capsys, "export", "1", "--json", str(exported), "--db", db)
    for person in json.loads(exported.read_text(encoding="utf-8"))["participants"]:
        if person["present"]:
            decision = ("--decision", "agreed", "--db", db)
            argv = ("signoff", "1", "--version", "1", "--participant", person["key"], *decision)
            assert run(capsys, *argv)[0] == 0
    signed_off = tmp_path / "plan.pdf"
    assert run(capsys, "pdf", "1", "--out", str(signed_off), "--db", db)[0] == 0
    return concept, signed_off


def test_sign_a_signed_off_plan_with_a_personal_certificate_made_once(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    plans: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    _concept, plan = plans
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    out = tmp_path / "signed.pdf"
    code, stdout, err = run(
        capsys, "sign", str(plan), "--out", str(out), "--name", "Hanneke Vos",
        "--email", "h.vos@example.org",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert stdout.startswith(f"Ondertekend door Hanneke Vos: {out}\n")
    assert "zelfgemaakt" in stdout and "vingerafdruk" in stdout.lower()
    data, original = out.read_bytes(), plan.read_bytes()
    assert data.startswith(original)
    report = check_signatures(data, len(original))
    assert report.ok and report.lines == ["signed by Hanneke Vos (not trusted: self-made)"]
    key = personal_certificate_file()
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert (load_settings()["name"], load_settings()["email"]) == (
        "Hanneke Vos",
        "h.vos@example.org",
    )
    # Later signatures reuse the certificate: same key, no name needed.
    made = key.read_bytes()
    again = tmp_path / "again.pdf"
    assert run(capsys, "sign", str(plan), "--out", str(again))[0] == 0
    assert key.read_bytes() == made
    assert check_signatures(again.read_bytes(), len(original)).lines == report.lines


def test_verify_names_the_signer_and_a_changed_byte_is_tampering(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    plans: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    _concept, plan = plans
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    signed = tmp_path / "signed.pdf"
    assert run(capsys, "sign", str(plan), "--out", str(signed), "--name", "Hanneke Vos")[0] == 0
    code, out, err = run(capsys, "verify", str(plan))
    plain = out.splitlines()
    assert code == 0 and len(plain) == 1 and plain[0].endswith(", vastgesteld)")
    code, out, err = run(capsys, "verify", str(signed))
    assert (code, err) == (0, "")
    assert out.splitlines() == [*plain, "signed by Hanneke Vos (not trusted: self-made)"]
    # The reader who knows the coach's certificate trusts it: by --trust, or by the folder.
    certificate = tmp_path / "hanneke.pem"
    certificate.write_bytes(_certificate_pem(personal_certificate_file()))
    code, out, _ = run(capsys, "verify", str(signed), "--trust", str(certificate))
    assert out.splitlines()[1] == "signed by Hanneke Vos (trusted)"
    folder = trusted_certificates_folder()
    folder.mkdir()
    (folder / "hanneke.crt").write_bytes(certificate.read_bytes())
    assert run(capsys, "verify", str(signed))[1].splitlines()[1].endswith("(trusted)")
    (folder / "notes.crt").write_text("geen certificaat", encoding="utf-8")
    code, _, err = run(capsys, "verify", str(signed))
    assert code == 2 and "notes.crt" in err
    (folder / "notes.crt").unlink()
    changed = bytearray(signed.read_bytes())
    changed[-len(changed) // 20] ^= 0x01  # in the signature's update
    signed.write_bytes(bytes(changed))
    code, out, err = run(capsys, "verify", str(signed))
    assert (code, out) == (1, "TAMPERED\n") and "changed after it was made" in err


def _certificate_pem(p12: Path) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs12

    loaded = pkcs12.load_key_and_certificates(p12.read_bytes(), PASSPHRASE.encode())
    assert loaded[1] is not None
    return loaded[1].public_bytes(Encoding.PEM)


def test_a_wrong_passphrase_is_one_clear_line_and_nothing_written(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    plans: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    _concept, plan = plans
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    out = tmp_path / "signed.pdf"
    assert run(capsys, "sign", str(plan), "--out", str(out), "--name", "Hanneke Vos")[0] == 0
    out.unlink()
    monkeypatch.setenv(PASSPHRASE_ENV, "winter")
    code, stdout, err = run(capsys, "sign", str(plan), "--out", str(out))
    assert (code, stdout) == (2, "")
    assert err == (
        f"worksession: {personal_certificate_file()}: de wachtwoordzin klopt niet, of dit is "
        "geen PKCS#12-certificaatbestand\n"
    )
    assert not out.exists()


@pytest.mark.parametrize(
    ("argv", "environment", "expected"),
    [
        (["--name", "Hanneke Vos"], {PASSPHRASE_ENV: ""}, "lege wachtwoordzin"),
        ([], {PASSPHRASE_ENV: PASSPHRASE}, "uw naam"),
        (["--cert", "missing.p12"], {PASSPHRASE_ENV: PASSPHRASE}, "missing.p12"),
    ],
)
def test_no_certificate_without_a_passphrase_a_name_or_a_file(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    plans: tuple[Path, Path],
    tmp_path: Path,
    argv: list[str],
    environment: dict[str, str],
    expected: str,
) -> None:
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "signed.pdf"
    code, _, err = run(capsys, "sign", str(plans[1]), "--out", str(out), *argv)
    assert code == 2 and expected in err and len(err.splitlines()) == 1
    assert not out.exists() and not personal_certificate_file().exists()


def test_only_a_signed_off_untouched_plan_is_signed(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    plans: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    concept, plan = plans
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    out = tmp_path / "signed.pdf"
    code, _, err = run(capsys, "sign", str(concept), "--out", str(out), "--name", "H. Vos")
    assert code == 2 and "niet vastgesteld" in err and str(concept) in err
    changed = bytearray(plan.read_bytes())
    changed[len(changed) // 2] ^= 0x20
    plan.write_bytes(bytes(changed))
    code, _, err = run(capsys, "sign", str(plan), "--out", str(out), "--name", "H. Vos")
    assert code == 2 and str(plan) in err
    assert not out.exists() and not personal_certificate_file().exists()


def test_sign_with_an_issued_certificate_file(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    plans: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    root = authority()
    certificate = root.issue(tmp_path / "uzi.p12", "Yvonne Kessels", PASSPHRASE)
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    out = tmp_path / "signed.pdf"
    code, stdout, _ = run(
        capsys, "sign", str(plans[1]), "--out", str(out), "--cert", str(certificate)
    )
    assert code == 0 and stdout == f"Ondertekend door Yvonne Kessels: {out}\n"
    report = check_signatures(out.read_bytes(), len(plans[1].read_bytes()), trust=[root.der])
    assert report.lines == ["signed by Yvonne Kessels (trusted)"]
    assert not personal_certificate_file().exists()


def _loaded_after(*argv: str) -> str:
    script = (
        "import sys\n"
        "from worksession.cli import main\n"
        f"code = main({list(argv)!r})\n"
        "names = ('pyhanko', 'pyhanko_certvalidator', 'asn1crypto')\n"
        "print(code, sorted(n for n in names if n in sys.modules))\n"
    )
    environment = {k: v for k, v in os.environ.items() if k != PASSPHRASE_ENV}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=environment
    )
    return done.stdout.strip().splitlines()[-1]


def test_pyhanko_is_loaded_only_to_sign_or_to_verify_a_signed_file(
    plans: tuple[Path, Path], tmp_path: Path
) -> None:
    assert _loaded_after("list", "--db", str(tmp_path / "db.sqlite3")) == "0 []"
    assert _loaded_after("verify", str(plans[1])) == "0 []"
    assert _loaded_after("sign", str(plans[0]), "--out", "x.pdf") == "2 []"
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(plans[1].read_bytes() + b"%")
    assert _loaded_after("verify", str(changed)).startswith("1 ['asn1crypto', 'pyhanko'")
