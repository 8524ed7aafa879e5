"""Reading documents that are not plain text: PDF, Word (.docx), OpenDocument (.odt) and web pages.

Each reader turns a file's bytes into a `ReadDocument` (canonical text, page starts, metadata, the
original bytes), or refuses it with a `DocumentRefused` whose message is one sentence. The entry
point for all formats is `kzeu_desk.core.reading.read_document`; web addresses are fetched by
`fetch.fetch_page` first. docs/DOCUMENTS.md says what each reader does and why.
"""
