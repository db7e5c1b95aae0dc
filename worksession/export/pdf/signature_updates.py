"""Whether each update after the plan adds a signature and nothing else.

pyHanko's own difference analysis judges updates *after* a signed revision; the first
signature's own update is the signer's to make, so it is not judged at all, and the analysis
cannot start from the plan (which has no form yet). This check is stricter and starts there: in
every update, an object the plan already had may change only where a signature needs it —

- the catalog: a form (``/AcroForm``) and the PDF version and extensions, nothing else;
- the document information, and the XMP metadata pyHanko adds when an elliptic-curve key makes
  the file PDF 2.0: a modification date and the producer, nothing else;
- the form: signature fields added after the ones it had;
- a page: signature widgets added after its annotations, nothing else.

Any other object the update rewrites must be new, and a new object only shows through those
places. Every added field must be a signature that draws nothing (a zero-size widget): a visible
one could cover a word of the plan. Nothing may be freed. Called with pyHanko's reader by
``signing.check_signatures``; imported only there.
"""

from __future__ import annotations

from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import HistoricalResolver, PdfFileReader

CATALOG_KEYS_A_SIGNATURE_MAY_CHANGE = frozenset(
    {"/AcroForm", "/Extensions", "/Version", "/Metadata"}
)
INFO_KEYS_A_SIGNATURE_MAY_CHANGE = frozenset({"/ModDate", "/Producer"})
# Defaults for text fields and the signature flags: nothing the plan's pages show.
FORM_KEYS_A_SIGNATURE_MAY_CHANGE = frozenset({"/Fields", "/SigFlags", "/DR", "/DA"})


class NotOnlySignatures(Exception):
    """An update does more than add a signature: the message says what, for the reader."""


def check_updates(reader: PdfFileReader) -> None:
    """Raise NotOnlySignatures unless every revision after the first only adds signatures."""
    for revision in range(1, reader.xrefs.total_revisions):
        _check_update(
            reader,
            reader.get_historical_resolver(revision - 1),
            reader.get_historical_resolver(revision),
        )


def _check_update(reader: PdfFileReader, old: HistoricalResolver, new: HistoricalResolver) -> None:
    if new.refs_freed_in_revision():
        raise NotOnlySignatures("an update removes part of the plan")
    old_root, new_root = old.root, new.root
    _same_except(old_root, new_root, CATALOG_KEYS_A_SIGNATURE_MAY_CHANGE, "the catalog")
    _same_except(_info(old), _info(new), INFO_KEYS_A_SIGNATURE_MAY_CHANGE, "the title or author")
    added = _added_signature_fields(old_root, new_root)
    if _raw(old_root, "/Metadata") != _raw(new_root, "/Metadata"):
        _check_metadata(_raw(new_root, "/Metadata"))
    vetted = {new.root_ref}
    for key in ("/AcroForm", "/Metadata"):
        vetted |= _reference(new_root, key)
    vetted |= _reference(new.trailer_view, "/Info")
    vetted |= _reference(_dictionary(new_root.get("/AcroForm")), "/Fields")
    for ref in new.explicit_refs_in_revision():
        if ref in vetted or reader.xrefs.get_historical_ref(ref, old.revision) is None:
            continue  # checked above, or a new object: it shows only through what is checked
        before, after = old(ref), new(ref)
        if _is_page(before):
            _check_page(before, after, added)
        elif not _identical(before, after):
            raise NotOnlySignatures("an update after the plan changes more than signatures")


def _added_signature_fields(old_root: Any, new_root: Any) -> set[generic.Reference]:
    """The fields the update adds to the form; each must be an invisible signature."""
    old_form = _dictionary(old_root.get("/AcroForm"))
    new_form = _dictionary(new_root.get("/AcroForm"))
    _same_except(old_form, new_form, FORM_KEYS_A_SIGNATURE_MAY_CHANGE, "the form")
    old_fields = _references(old_form.get("/Fields"))
    new_fields = _references(new_form.get("/Fields"))
    if new_fields[: len(old_fields)] != old_fields:
        raise NotOnlySignatures("an update changes the signatures before it")
    added = new_fields[len(old_fields) :]
    for ref in added:
        field = ref.get_object()
        if not isinstance(field, generic.DictionaryObject) or field.get("/FT") != "/Sig":
            raise NotOnlySignatures("an update adds a form field that is not a signature")
        if "/Kids" in field or _area(field.get("/Rect")) != 0:
            raise NotOnlySignatures("a signature draws on a page of the plan")
    return set(added)


# What pyHanko writes in the XMP metadata: the time and the program, on one description.
_XMP_ELEMENTS = {
    "{adobe:ns:meta/}xmpmeta",
    "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF",
    "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description",
}
_XMP_PROPERTIES = {
    "{adobe:ns:meta/}xmptk",
    "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about",
    "{http://ns.adobe.com/xap/1.0/}ModifyDate",
    "{http://ns.adobe.com/xap/1.0/}MetadataDate",
    "{http://ns.adobe.com/pdf/1.3/}Producer",
}


def _check_metadata(value: Any) -> None:
    """XMP metadata may say when and with what the file was changed, and nothing else: a
    reader may show its title or author instead of the plan's."""
    import xml.etree.ElementTree as ElementTree

    stream = value.get_object() if value is not None else None
    if not isinstance(stream, generic.StreamObject):
        raise NotOnlySignatures("an update changes the document's metadata")
    try:
        root = ElementTree.fromstring(stream.data)
    except ElementTree.ParseError as error:
        raise NotOnlySignatures("an update adds metadata that cannot be read") from error
    for element in root.iter():
        if element.tag not in _XMP_ELEMENTS or not set(element.attrib) <= _XMP_PROPERTIES:
            raise NotOnlySignatures("an update changes the document's metadata")
        if (element.text or "").strip():
            raise NotOnlySignatures("an update changes the document's metadata")


def _check_page(before: Any, after: Any, added: set[generic.Reference]) -> None:
    _same_except(before, after, frozenset({"/Annots"}), "a page")
    old_annotations = _references(before.get("/Annots"))
    new_annotations = _references(after.get("/Annots"))
    if new_annotations[: len(old_annotations)] != old_annotations:
        raise NotOnlySignatures("an update changes the annotations on a page")
    if not set(new_annotations[len(old_annotations) :]) <= added:
        raise NotOnlySignatures("an update adds an annotation that is not a signature")


def _same_except(before: Any, after: Any, allowed: frozenset[str], what: str) -> None:
    before, after = _dictionary(before), _dictionary(after)
    for key in (set(before) | set(after)) - allowed:
        if key not in before or key not in after or _raw(before, key) != _raw(after, key):
            raise NotOnlySignatures(f"an update after the plan changes {what}")


def _info(resolver: HistoricalResolver) -> Any:
    return resolver.trailer_view.get("/Info")


def _is_page(value: Any) -> bool:
    return isinstance(value, generic.DictionaryObject) and value.get("/Type") == "/Page"


def _identical(before: Any, after: Any) -> bool:
    """An object written again unchanged (some writers do): streams compared by their bytes."""
    if isinstance(before, generic.StreamObject) or isinstance(after, generic.StreamObject):
        return (
            isinstance(before, generic.StreamObject)
            and isinstance(after, generic.StreamObject)
            and dict(before) == dict(after)
            and before.encoded_data == after.encoded_data
        )
    return bool(before == after)


def _dictionary(value: Any) -> generic.DictionaryObject:
    """The dictionary ``value`` stands for; none is an empty one, anything else an error."""
    if value is None:
        return generic.DictionaryObject()
    value = value.get_object()
    if isinstance(value, generic.StreamObject) or not isinstance(value, generic.DictionaryObject):
        raise NotOnlySignatures("a dictionary of the plan is replaced by something else")
    return value


def _raw(holder: Any, key: str) -> Any:
    """The entry as written (a reference stays a reference), or None."""
    return holder.raw_get(key) if key in holder else None


def _reference(holder: Any, key: str) -> set[generic.Reference]:
    value = _raw(holder, key)
    return {value.reference} if isinstance(value, generic.IndirectObject) else set()


def _references(value: Any) -> list[generic.Reference]:
    if value is None:
        return []
    value = value.get_object()
    if not isinstance(value, generic.ArrayObject):
        raise NotOnlySignatures("a list in the plan is replaced by something else")
    items = [value.raw_get(i) for i in range(len(value))]
    if not all(isinstance(item, generic.IndirectObject) for item in items):
        raise NotOnlySignatures("a field or annotation is not where a signature puts it")
    return [item.reference for item in items]


def _area(rect: Any) -> float:
    try:
        x1, y1, x2, y2 = (float(v) for v in rect)
    except (TypeError, ValueError):
        return 1.0  # no readable rectangle: treat it as drawn
    return abs(x2 - x1) * abs(y2 - y1)
