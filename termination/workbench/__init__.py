"""The judge's workbench: server-rendered pages at ``/`` on the same service as ``/v1``.

Open a case (paste or upload the case system's JSON, a bundled sample, or an empty case), answer
the questions the rules still raise one at a time (:mod:`termination.questions`) while the
checklist fills up, edit the whole record, download the documents, the record and the calendar;
reviewers upload a batch and get the report and the workbook.

* :mod:`.pages` — the handlers (an ``APIRouter`` mounted by :func:`termination.service.app.create_app`);
* :mod:`.state` — the draft carried by the page, and what the rules make of it;
* :mod:`.forms` — answers and edits ⇄ the draft, and its validation;
* :mod:`.security` — the token as a session cookie, CSRF.

Nothing is kept on the server between requests (see :mod:`.state`). The pages use one vendored
library, htmx (``static/htmx.min.js``, 0BSD, ``static/htmx.LICENSE.txt``), and no resource from
another site. The workbench imports the public API, the questions, the glossary and the input
layer; never the facts, the engine or the rules.
"""

from __future__ import annotations

from termination.workbench.pages import error_page, router

__all__ = ["error_page", "router"]
