"""The library API: text in, ArticleFacts out. The CLI and batch mode call only this."""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from . import __version__
from . import extensions as ext
from .article import Page, parse_page
from .inputs import DecodedInput
from .pipeline import COMPONENTS, load_pipeline, model_label
from .records import Article, ArticleFacts, DateAnchor, Extractor, Source


def story_view(text: str, page: Page) -> str:
    """The input with everything outside the story blanked (newlines kept).

    Same length as the input, so a Doc built on it has offsets that are input
    offsets: no mapping to get wrong, and furniture can never yield a fact.
    """
    chars = [c if c == "\n" else " " for c in text]
    for start, end in page.story_regions():
        chars[start:end] = text[start:end]
    return "".join(chars)


def _anchor(page: Page, published: Optional[str]) -> DateAnchor:
    if published:
        return DateAnchor(value=published[:10], source="option")
    if page.published:
        return DateAnchor(value=page.published[:10], source="page")
    return DateAnchor(value=None, source="none")


def validate_published(value: Optional[str]) -> Optional[str]:
    """Check an ISO date (or datetime) given by the user; return it normalised."""
    if value is None:
        return None
    try:
        if len(value) <= 10:
            return dt.date.fromisoformat(value).isoformat()
        return dt.datetime.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise ValueError(f"published date {value!r} is not ISO 8601 (YYYY-MM-DD)") from exc


def prepare_doc(nlp: Language, decoded: DecodedInput, published: Optional[str]) -> tuple[Doc, Page]:
    """Parse the page and tokenise its story view, with the date anchor set on the Doc."""
    page = parse_page(decoded.text)
    doc = nlp.tokenizer(story_view(decoded.text, page))  # not make_doc: long texts are chunked in process_docs
    # The full timestamp where known: a story filed late in the day reads "Tuesday" differently.
    setattr(doc._, ext.PUBLISHED, published or page.published)
    setattr(doc._, ext.CAPTIONS, page.captions)
    return doc, page


# The model never sees more text than this at once. Measured (en_core_web_sm,
# ner+senter): one 1M-char Doc peaks at 3.3 GB RSS; a 1.2M-char text in 50k
# pieces peaks at 0.45 GB (0.64 GB with 100k pieces). Wire stories are < 30k.
MODEL_CHUNK_CHARS = 50_000


def _paragraph_pieces(doc: Doc, limit: int) -> list[Doc]:
    """Cut a Doc into Docs of at most ~limit chars, at a paragraph (else line, else token) break."""
    pieces, start_token, text = [], 0, doc.text
    while start_token < len(doc):
        start_char = doc[start_token].idx
        if len(text) - start_char <= limit:
            end_char = len(text)
        else:
            window = text[start_char:start_char + limit]
            cut = window.rfind("\n\n")
            cut = cut + 2 if cut > 0 else window.rfind("\n") + 1
            end_char = start_char + (cut if cut > 0 else limit)
        end_token = start_token + 1
        while end_token < len(doc) and doc[end_token].idx < end_char:
            end_token += 1
        pieces.append(doc[start_token:end_token].as_doc())
        start_token = end_token
    return pieces


def process_long_doc(nlp: Language, doc: Doc) -> Doc:
    """Run the model pipes piece by piece, join the pieces back into one Doc
    (same text, so offsets stay input offsets), then our components on the whole."""
    model_pipes = [proc for name, proc in nlp.pipeline if name not in COMPONENTS]
    ours = [proc for name, proc in nlp.pipeline if name in COMPONENTS]
    pieces = _paragraph_pieces(doc, MODEL_CHUNK_CHARS)
    for i, piece in enumerate(pieces):  # one piece at a time: that is what bounds memory
        for proc in model_pipes:
            piece = proc(piece)
        pieces[i] = piece
    joined = Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor", "user_data"])
    joined.user_data.update(doc.user_data)
    for proc in ours:
        joined = proc(joined)
    return joined


def process_docs(nlp: Language, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
    """`nlp.pipe` that accepts any length: long docs take the chunked path; order is kept."""
    run: list[Doc] = []
    for doc in docs:
        if len(doc.text) > MODEL_CHUNK_CHARS:
            yield from nlp.pipe(run, batch_size=batch_size)
            run = []
            yield process_long_doc(nlp, doc)
            continue
        run.append(doc)
        if len(run) >= batch_size:
            yield from nlp.pipe(run, batch_size=batch_size)
            run = []
    yield from nlp.pipe(run, batch_size=batch_size)


def _region_text(text: str, region) -> Optional[str]:
    """A region's text on one line (hard-wrapped copy spans newlines)."""
    return " ".join(text[region[0]:region[1]].split()) if region else None


def build_facts(doc: Doc, page: Page, decoded: DecodedInput, published: Optional[str], model: str) -> ArticleFacts:
    """The one place where a processed Doc becomes the contract's record."""
    text = decoded.text
    article = Article(
        headline=page.headline_text,
        summary=_region_text(text, page.summary),
        published=published or page.published,
        agency=page.agency,
        byline=page.byline,
        contributors=list(page.contributors),
        body="\n\n".join(_region_text(text, region) for region in page.body) or None,
        date_anchor=_anchor(page, published),
    )
    return ArticleFacts(
        source=Source(path=decoded.path, sha256=decoded.sha256, chars=len(text), encoding=decoded.encoding),
        extractor=Extractor(version=__version__, model=model),
        article=article,
        people=getattr(doc._, ext.PEOPLE),
        organizations=getattr(doc._, ext.ORGANIZATIONS),
        places=getattr(doc._, ext.PLACES),
        dates=getattr(doc._, ext.DATES),
        figures=getattr(doc._, ext.FIGURES),
        events=getattr(doc._, ext.EVENTS),
        quotes=getattr(doc._, ext.QUOTES),
    )


def extract_decoded(items: Iterable[DecodedInput], *, published: Optional[str] = None,
                    model: Optional[str] = None, batch_size: int = 16) -> Iterator[ArticleFacts]:
    """Stream decoded inputs through one pipeline with nlp.pipe; yields in input order."""
    published = validate_published(published)
    nlp = load_pipeline(model)
    label = model_label(nlp)
    pending: list[tuple[DecodedInput, Page]] = []

    def docs():
        for decoded in items:
            doc, page = prepare_doc(nlp, decoded, published)
            pending.append((decoded, page))
            yield doc

    for doc in process_docs(nlp, docs(), batch_size=batch_size):
        decoded, page = pending.pop(0)
        yield build_facts(doc, page, decoded, published, label)


def extract(text: str, published: Optional[str] = None, model: Optional[str] = None,
            path: Optional[str] = None) -> ArticleFacts:
    """Extract the facts of one article given as text. Returns an ArticleFacts record
    (call `.to_dict()` for the contract's JSON form)."""
    import hashlib

    decoded = DecodedInput(text=text, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                           encoding="utf-8", path=path)
    return next(extract_decoded([decoded], published=published, model=model))


def extract_many(texts: Iterable[str], published: Optional[str] = None, model: Optional[str] = None,
                 batch_size: int = 16) -> Iterator[ArticleFacts]:
    """Extract many articles (texts) in one `nlp.pipe` stream; yields in input order."""
    import hashlib

    decoded = (DecodedInput(text=t, sha256=hashlib.sha256(t.encode("utf-8")).hexdigest(), encoding="utf-8")
               for t in texts)
    return extract_decoded(decoded, published=published, model=model, batch_size=batch_size)
