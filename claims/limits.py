"""What one input may cost: the limits that keep a hostile or broken input from hanging a run
or filling the memory. Each is an option of `claims ingest`; they live here, apart from the
code that enforces them, so the command line can show them without loading that code.
"""

from __future__ import annotations

#: Seconds one URL may take in all (`--fetch-timeout`): a trickle ends, however slow.
FETCH_TIMEOUT = 60.0
#: Bytes one URL's body may have once decompressed (`--max-download-mb`): a gzip bomb or an
#: endless body ends as soon as it passes this.
MAX_DOWNLOAD_BYTES = 20_000_000
#: Characters one article may have (`--max-article-chars`): news runs to tens of thousands,
#: and a text past this is a dump or a whole book.
MAX_ARTICLE_CHARS = 1_000_000
#: Bytes of a file read whole (a text, a page, a feed, standard input); datasets (CSV, JSON
#: lines) are streamed and have no limit.
MAX_FILE_BYTES = 50_000_000
