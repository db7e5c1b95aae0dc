"""Digital signatures (PAdES) on a plan PDF: add one, and check the ones a file carries.

A signature is an incremental update: the plan's own bytes stay an exact prefix of the signed
file, so ``verify`` can still compare them with the plan rendered again. ``check_signatures``
judges everything after that prefix. It is strict on purpose: every update must add a signature
and nothing else (no changed page, annotation, attachment, form field or metadata), every
signature must be intact, and the last one must cover the whole file.

pyHanko is imported only inside these functions: the app and an unsigned ``verify`` never load
it. No database, no Qt: the caller passes the signer and the certificates it trusts.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyhanko.sign.signers import Signer
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

SELF_MADE = "self-made"
UNKNOWN_ISSUER = "unknown issuer"


@dataclass(frozen=True)
class SignedBy:
    """One signature's signer as the certificate names them, and whether the reader trusts it."""

    name: str
    trusted: bool
    problem: str = ""  # why not trusted: SELF_MADE, UNKNOWN_ISSUER, "expired", …

    @property
    def line(self) -> str:
        """``signed by <name> (trusted)`` or ``signed by <name> (not trusted: <problem>)``."""
        trust = "trusted" if self.trusted else f"not trusted: {self.problem}"
        return f"signed by {self.name} ({trust})"


@dataclass(frozen=True)
class SignatureReport:
    """The judgement on what follows the plan's bytes: ok, or the reason it is not."""

    ok: bool
    reason: str = ""  # plain English, the same in every language (verify's output is)
    signers: tuple[SignedBy, ...] = ()

    @property
    def lines(self) -> list[str]:
        return [signer.line for signer in self.signers]


def sign_pdf(
    data: bytes,
    signer: Signer,
    *,
    name: str | None = None,
    reason: str | None = None,
    location: str | None = None,
) -> bytes:
    """``data`` with an invisible PAdES signature appended as an incremental update.

    The result starts with ``data`` unchanged. Only the signing time differs between two
    signatures of the same file with the same key."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    _quiet_pyhanko()
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    metadata = signers.PdfSignatureMetadata(
        field_name=_free_field_name(writer),
        name=name,
        reason=reason,
        location=location,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    output = io.BytesIO()
    signers.sign_pdf(writer, metadata, signer=signer, output=output)
    signed = output.getvalue()
    if not signed.startswith(data):  # what the whole design rests on: never hand out otherwise
        raise RuntimeError("the signed file does not begin with the plan's own bytes")
    return signed


def _free_field_name(writer: Any) -> str:
    """``Handtekening N``: a new field for each signer, so no earlier signature is touched."""
    from pyhanko.sign.fields import enumerate_sig_fields

    taken = {name for name, _value, _ref in enumerate_sig_fields(writer)}
    number = 1
    while f"Handtekening {number}" in taken:
        number += 1
    return f"Handtekening {number}"


def check_signatures(
    data: bytes, original_length: int, *, trust: Sequence[bytes] = ()
) -> SignatureReport:
    """Judge the signatures after ``data[:original_length]`` (the plan as rendered).

    ``trust`` holds the certificates (DER) the reader trusts as roots. Never raises: a file
    that cannot be read or checked is a report that is not ok, with the reason."""
    if not 0 < original_length < len(data):
        return SignatureReport(False, "nothing follows the plan's own bytes")
    try:
        return _check(data, original_length, trust)
    except Exception as error:  # hostile input: whatever pyHanko trips over is a verdict
        return SignatureReport(False, f"the signatures cannot be read ({_plain(str(error))})")


def _check(data: bytes, original_length: int, trust: Sequence[bytes]) -> SignatureReport:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel as Coverage
    from pyhanko_certvalidator import ValidationContext

    from worksession.export.pdf.signature_updates import NotOnlySignatures, check_updates

    _quiet_pyhanko()
    reader = PdfFileReader(io.BytesIO(data))
    found = _STARTXREF.search(data[:original_length])
    if found is None:
        return SignatureReport(False, "the plan's own bytes do not end a PDF")
    original_start = int(found.group(1))
    revisions = reader.xrefs.total_revisions
    # The oldest revision must be the plan itself, not a new document hidden behind it.
    if revisions < 2 or reader.xrefs.get_startxref_for_revision(0) != original_start:
        return SignatureReport(False, "the bytes after the plan are not an update of it")
    signatures = list(reader.embedded_signatures)
    if not signatures:
        return SignatureReport(False, "bytes were added to the plan without a signature")
    if any(sig.sig_object_type != "/Sig" for sig in signatures):
        return SignatureReport(False, "a document timestamp cannot be checked here")
    signed_revisions = sorted(sig.signed_revision for sig in signatures)
    if signed_revisions != list(range(1, revisions)):
        return SignatureReport(False, "an update after the plan carries no signature of its own")
    try:
        check_updates(reader)
    except NotOnlySignatures as problem:
        return SignatureReport(False, str(problem))
    context = ValidationContext(trust_roots=_certificates(trust), allow_fetching=False)
    signers = []
    for signature in sorted(signatures, key=lambda sig: sig.signed_revision):
        # The updates after each signature were judged above, more strictly than pyHanko's
        # difference analysis would.
        status = validate_pdf_signature(signature, context, skip_diff=True)
        name = _signer_name(signature)
        if not (status.intact and status.valid and _contents_untouched(data, signature)):
            return SignatureReport(False, f"the signature of {name} is broken")
        last = signature.signed_revision == revisions - 1
        if status.coverage != (Coverage.ENTIRE_FILE if last else Coverage.ENTIRE_REVISION):
            return SignatureReport(False, f"bytes follow the signature of {name} unsigned")
        signers.append(_trust(signature, name, status))
    return SignatureReport(True, "", tuple(signers))


# The end of a PDF (or of one of its revisions): where its cross-reference section starts.
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*\Z")
_HEX_CONTENTS = re.compile(rb"<(?:[0-9A-F]*|[0-9a-f]*)>")


def _contents_untouched(data: bytes, signature: EmbeddedPdfSignature) -> bool:
    """Whether the signature's own bytes are exactly its value in hex, then zeros.

    The /Contents string is the one part of a file no signature's digest covers; a reader
    ignores what follows the value, and hex digits read the same in either case. So a byte
    changed there would pass every cryptographic check: require the one way of writing it."""
    from asn1crypto import cms

    _start, before, after, _length = (int(value) for value in signature.byte_range)
    raw = data[before:after]
    value = signature.pkcs7_content
    # The gap must be this signature's value, not bytes some other object is read from.
    if not _HEX_CONTENTS.fullmatch(raw) or bytes.fromhex(raw[1:-1].decode()) != value:
        return False
    header = _der_header(value)
    if header is None:
        return False
    size, length = header
    # The declared length must be what the signature's parts take, not more: the rest zeros.
    content_info = cms.ContentInfo.load(value)
    parts = len(content_info["content_type"].dump()) + len(content_info["content"].dump())
    return parts == length and not any(value[size + length :]) and _no_unsigned_choices(signature)


def _no_unsigned_choices(signature: EmbeddedPdfSignature) -> bool:
    """Whether the parts of the signature its signer did not sign hold their one right value.

    A CMS signature leaves a few fields outside what is signed: the list of digest
    algorithms, two version numbers and the parameters of the algorithms. Readers accept any
    value there, so a byte changed in one of them would still check out; allow only the value
    RFC 5652 prescribes for this signature."""
    signed_data, signer = signature.signed_data, signature.signer_info
    algorithms = signed_data["digest_algorithms"]
    if len(algorithms) != 1 or algorithms[0].dump() != signer["digest_algorithm"].dump():
        return False
    if not _plain_parameters(signer["digest_algorithm"]):
        return False
    if signer["signature_algorithm"]["algorithm"].native != "rsassa_pss" and not (
        _plain_parameters(signer["signature_algorithm"])
    ):
        return False  # PSS parameters are checked with the signature itself
    by_key_identifier = signer["sid"].name == "subject_key_identifier"
    if signer["version"].native != ("v3" if by_key_identifier else "v1"):
        return False
    content_type = signed_data["encap_content_info"]["content_type"].native
    plain = not by_key_identifier and content_type == "data"
    if signed_data["crls"].native or any(
        c.name != "certificate" for c in signed_data["certificates"]
    ):
        return False  # other kinds of certificates or revocation data: not written by PAdES
    return bool(signed_data["version"].native == ("v1" if plain else "v3"))


def _plain_parameters(algorithm: Any) -> bool:
    """No parameters, or NULL: the two encodings RFC 5754 allows for a hash or RSA algorithm."""
    parameters = algorithm["parameters"]
    return parameters.dump() in (b"", b"\x05\x00")


def _der_header(value: bytes) -> tuple[int, int] | None:
    """The size of the header of the DER element starting ``value``, and of its content."""
    if len(value) < 2:
        return None
    first = value[1]
    if first < 0x80:
        return 2, first
    count = first & 0x7F
    if count == 0 or count > 4 or len(value) < 2 + count:
        return None
    return 2 + count, int.from_bytes(value[2 : 2 + count], "big")


def _signer_name(signature: EmbeddedPdfSignature) -> str:
    subject = signature.signer_cert.subject
    names = subject.native
    name = names.get("common_name") if isinstance(names, dict) else None
    return _plain(str(name or subject.human_friendly)) or "?"


def _plain(text: str) -> str:
    """One line of printable text: a certificate's name must not forge a line of output."""
    return re.sub(r"\s+", " ", "".join(c if c.isprintable() else " " for c in text)).strip()


# pyHanko's reasons (AdES sub-indications) for an untrusted certificate, in a reader's words.
_TRUST_PROBLEMS = {
    "EXPIRED": "expired",
    "OUT_OF_BOUNDS_NO_POE": "expired",
    "OUT_OF_BOUNDS_NOT_REVOKED": "expired",
    "NOT_YET_VALID": "not yet valid",
    "REVOKED": "revoked",
    "REVOKED_NO_POE": "revoked",
    "REVOKED_CA_NO_POE": "revoked",
}


def _trust(signature: EmbeddedPdfSignature, name: str, status: Any) -> SignedBy:
    if status.trusted:
        return SignedBy(name, True)
    indication = getattr(status.trust_problem_indic, "name", "")
    if indication in _TRUST_PROBLEMS:
        return SignedBy(name, False, _TRUST_PROBLEMS[indication])
    return SignedBy(name, False, SELF_MADE if _self_signed(signature) else UNKNOWN_ISSUER)


def _self_signed(signature: EmbeddedPdfSignature) -> bool:
    from cryptography import x509

    certificate = x509.load_der_x509_certificate(signature.signer_cert.dump())
    if certificate.issuer != certificate.subject:
        return False
    try:
        certificate.verify_directly_issued_by(certificate)
    except Exception:  # not signed by its own key, or a kind of key that cannot tell
        return False
    return True


def _certificates(trust: Sequence[bytes]) -> list[Any]:
    from asn1crypto import x509

    return [x509.Certificate.load(der) for der in trust]


_QUIETED = threading.Lock()
_quieted = False


def _quiet_pyhanko() -> None:
    """pyHanko logs each untrusted certificate with a traceback; a report says it instead.

    Without a handler Python prints warnings of any logger on stderr, which would put a
    traceback under ``worksession verify``'s one line. A NullHandler keeps them from there and
    still lets an app that configures logging see them."""
    global _quieted
    with _QUIETED:
        if _quieted:
            return
        import logging

        for name in ("pyhanko", "pyhanko_certvalidator"):
            logging.getLogger(name).addHandler(logging.NullHandler())
        _quieted = True
