"""Digital signatures on the plan, tried as a forger would: a signed plan checks out with its
signers' names, and any byte, page, annotation or metadata changed after the plan does not."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.signers import SimpleSigner

from tests.export.certificate_authority import Authority, authority
from worksession.domain.plan import fingerprint, plan_snapshot
from worksession.export.pdf.plan import PlanPayload, render_plan
from worksession.export.pdf.signing import check_signatures, sign_pdf
from worksession.programmes.library import load_library
from worksession.workflows.certificates import create_personal_certificate, load_signer
from worksession.workflows.demo import demo_document

PASSPHRASE = "tulpen in de wijk"


@pytest.fixture(scope="module")
def plan() -> bytes:
    snapshot = plan_snapshot(demo_document(load_library()), 1)
    payload = PlanPayload(snapshot=snapshot, sha256=fingerprint(snapshot), signed_off=True)
    return render_plan(payload)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("certificates")


@pytest.fixture(scope="module")
def coach(folder: Path) -> SimpleSigner:
    """The coach's personal, self-made certificate."""
    path = folder / "coach.p12"
    create_personal_certificate(
        path, name="Hanneke Vos", email="h.vos@example.org", passphrase=PASSPHRASE
    )
    return load_signer(path, PASSPHRASE)


@pytest.fixture(scope="module")
def root() -> Authority:
    return authority()


@pytest.fixture(scope="module")
def kartrekker(folder: Path, root: Authority) -> SimpleSigner:
    """A certificate issued by an authority, as a UZI or PKIoverheid certificate is."""
    return load_signer(root.issue(folder / "yvonne.p12", "Yvonne Kessels", "pas"), "pas")


@pytest.fixture(scope="module")
def signed(plan: bytes, coach: SimpleSigner) -> bytes:
    return sign_pdf(plan, coach, name="Hanneke Vos", reason="Vastgesteld", location="Kaalheide")


def _update(data: bytes, change: Callable[[IncrementalPdfFileWriter], None]) -> bytes:
    """``data`` with one incremental update that ``change`` makes, unsigned."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    assert out.getvalue().startswith(data)
    return out.getvalue()


def _first_page(writer: IncrementalPdfFileWriter) -> generic.IndirectObject:
    kids = writer.root["/Pages"]["/Kids"]
    page: generic.IndirectObject = kids.raw_get(0)
    return page


def _numbers(*values: float) -> generic.ArrayObject:
    return generic.ArrayObject(generic.FloatObject(value) for value in values)


def _white_box_annotation(writer: IncrementalPdfFileWriter) -> None:
    page_ref = _first_page(writer)
    page = page_ref.get_object()
    box = generic.DictionaryObject(
        {
            generic.pdf_name("/Type"): generic.pdf_name("/Annot"),
            generic.pdf_name("/Subtype"): generic.pdf_name("/Square"),
            generic.pdf_name("/Rect"): _numbers(50, 500, 550, 700),
            generic.pdf_name("/IC"): _numbers(1, 1, 1),
        }
    )
    annotations = generic.ArrayObject(page.get("/Annots", generic.ArrayObject()))
    annotations.append(writer.add_object(box))
    page[generic.pdf_name("/Annots")] = annotations
    writer.mark_update(page_ref)


def _new_page_content(writer: IncrementalPdfFileWriter) -> None:
    page_ref = _first_page(writer)
    stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 720 Td (Niets afgesproken) Tj ET")
    page_ref.get_object()[generic.pdf_name("/Contents")] = writer.add_object(stream)
    writer.mark_update(page_ref)


def _new_title(writer: IncrementalPdfFileWriter) -> None:
    info_ref = writer.trailer.raw_get("/Info")
    info_ref.get_object()[generic.pdf_name("/Title")] = generic.TextStringObject("Ander plan")
    writer.mark_update(info_ref)


def _new_attachment(writer: IncrementalPdfFileWriter) -> None:
    from pyhanko.pdf_utils.embed import EmbeddedFileObject, FileSpec, embed_file

    data = EmbeddedFileObject.from_file_data(writer, b'{"forged": true}')
    embed_file(writer, FileSpec(file_spec_string="extra.json", embedded_data=data))


# --- a good signature ---------------------------------------------------------------------------


def test_a_signature_is_an_incremental_update_that_checks_out(plan: bytes, signed: bytes) -> None:
    assert signed.startswith(plan) and len(signed) > len(plan)
    report = check_signatures(signed, len(plan))
    assert report.ok, report.reason
    assert report.lines == ["signed by Hanneke Vos (not trusted: self-made)"]


def test_poppler_reports_the_signature_valid(signed: bytes, tmp_path: Path) -> None:
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    # pdfsig comes with poppler-utils; missing, this fails: CI must install it.
    done = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False)
    assert "Signature Validation: Signature is Valid." in done.stdout, done.stdout + done.stderr
    assert "Total document signed" in done.stdout


def test_two_signatures_check_out_and_are_both_named(
    plan: bytes, signed: bytes, kartrekker: SimpleSigner, root: Authority, tmp_path: Path
) -> None:
    twice = sign_pdf(signed, kartrekker, name="Yvonne Kessels")
    assert twice.startswith(signed)
    report = check_signatures(twice, len(plan))
    assert report.ok, report.reason
    assert report.lines == [
        "signed by Hanneke Vos (not trusted: self-made)",
        "signed by Yvonne Kessels (not trusted: unknown issuer)",
    ]
    trusted = check_signatures(twice, len(plan), trust=[root.der])
    assert trusted.lines[1] == "signed by Yvonne Kessels (trusted)"
    path = tmp_path / "twice.pdf"
    path.write_bytes(twice)
    done = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False)
    assert done.stdout.count("Signature Validation: Signature is Valid.") == 2, done.stdout


def test_a_self_made_certificate_the_reader_knows_is_trusted(
    plan: bytes, signed: bytes, coach: SimpleSigner
) -> None:
    assert coach.signing_cert is not None
    report = check_signatures(signed, len(plan), trust=[coach.signing_cert.dump()])
    assert report.ok and report.lines == ["signed by Hanneke Vos (trusted)"]


# --- attacks ------------------------------------------------------------------------------------


def _positions(plan: bytes, signed: bytes) -> list[int]:
    """Bytes across the whole signed file, with the signature's own value and its padding."""
    after = len(signed) - len(plan)
    spread = [len(plan) + after * k // 40 for k in range(40)]
    contents = signed.index(b"/Contents <", len(plan)) + len(b"/Contents <")
    padding = signed.index(b"0000>", contents)
    return [10, len(plan) // 2, len(plan) - 3, contents + 5, padding, len(signed) - 2, *spread]


@pytest.mark.parametrize("flip", [0x01, 0x20])
def test_any_byte_changed_after_signing_is_caught(plan: bytes, signed: bytes, flip: int) -> None:
    for position in _positions(plan, signed):
        changed = bytearray(signed)
        changed[position] ^= flip
        report = check_signatures(bytes(changed), len(plan))
        assert not report.ok, (position, bytes(signed[position - 20 : position + 20]))
        assert report.reason


@pytest.mark.parametrize(
    "change", [_white_box_annotation, _new_page_content, _new_title, _new_attachment]
)
def test_an_unsigned_update_after_the_signature_is_caught(
    plan: bytes, signed: bytes, change: Callable[[IncrementalPdfFileWriter], None]
) -> None:
    report = check_signatures(_update(signed, change), len(plan))
    assert not report.ok and report.reason


@pytest.mark.parametrize(
    "change", [_white_box_annotation, _new_page_content, _new_title, _new_attachment]
)
def test_a_change_signed_with_a_valid_certificate_is_caught(
    plan: bytes,
    kartrekker: SimpleSigner,
    root: Authority,
    change: Callable[[IncrementalPdfFileWriter], None],
) -> None:
    forged = sign_pdf(_update(plan, change), kartrekker)
    report = check_signatures(forged, len(plan), trust=[root.der])
    assert not report.ok
    assert "changes" in report.reason or "carries no signature" in report.reason


def test_a_change_made_in_the_same_update_as_a_signature_is_caught(
    plan: bytes, kartrekker: SimpleSigner, root: Authority
) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(plan))
    _new_page_content(writer)
    metadata = signers.PdfSignatureMetadata(field_name="Handtekening 1")
    out = signers.sign_pdf(writer, metadata, signer=kartrekker).getvalue()
    report = check_signatures(out, len(plan), trust=[root.der])
    assert not report.ok and "changes a page" in report.reason


def test_a_visible_signature_drawn_over_the_plan_is_caught(
    plan: bytes, coach: SimpleSigner
) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(plan))
    box = fields.SigFieldSpec("Handtekening 1", on_page=0, box=(50, 500, 550, 700))
    metadata = signers.PdfSignatureMetadata(field_name="Handtekening 1")
    out = signers.sign_pdf(writer, metadata, signer=coach, new_field_spec=box).getvalue()
    report = check_signatures(out, len(plan))
    assert not report.ok and "draws on a page" in report.reason


def test_another_document_behind_the_plan_is_caught(plan: bytes, coach: SimpleSigner) -> None:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Een ander plan")
    canvas.save()
    other = sign_pdf(buffer.getvalue(), coach)
    report = check_signatures(plan + other, len(plan))
    assert not report.ok and report.reason


def test_bytes_appended_without_a_signature_are_caught(plan: bytes, signed: bytes) -> None:
    for data in (plan + b"\n%%EOF\n", signed + b"\n", signed + b"% note\n%%EOF\n"):
        report = check_signatures(data, len(plan))
        assert not report.ok and report.reason


def test_a_certificate_name_cannot_forge_a_line_of_output(plan: bytes, folder: Path) -> None:
    path = folder / "forger.p12"
    create_personal_certificate(
        path, name="Eva\nOK Ander plan version 9", email="", passphrase=PASSPHRASE
    )
    report = check_signatures(sign_pdf(plan, load_signer(path, PASSPHRASE)), len(plan))
    assert report.lines == ["signed by Eva OK Ander plan version 9 (not trusted: self-made)"]


@given(
    cut=st.integers(min_value=1, max_value=4000),
    junk=st.binary(max_size=64),
    at=st.integers(min_value=0, max_value=7000),
)
def test_hostile_bytes_get_a_report_never_an_exception(
    plan: bytes, signed: bytes, cut: int, junk: bytes, at: int
) -> None:
    start = len(plan) + at % (len(signed) - len(plan))
    mangled = signed[:start] + junk + signed[start + cut % 200 :]
    for data, length in ((mangled, len(plan)), (signed[: len(signed) - cut], len(plan))):
        report = check_signatures(data, length)
        assert report.ok is False or data == signed
        assert isinstance(report.reason, str)
    assert not check_signatures(signed, len(signed) + 1).ok
    assert not check_signatures(signed, 0).ok
