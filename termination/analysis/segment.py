"""Lazy, process-wide jieba tokenizer with the legal user dictionary.

jieba costs about half a second to import and load its dictionary, so nothing here runs at
import time: the first call to :func:`tokenizer` loads it once, under a lock.
"""

from __future__ import annotations

import logging
import threading
import time
import warnings
from typing import TYPE_CHECKING

from termination import paths

if TYPE_CHECKING:  # pragma: no cover
    import jieba

USER_DICT = paths.CORPUS / "jieba_userdict.txt"

# Words our own keyword search relies on (one lexicon: termination.analysis.lexicon).
from termination.analysis.lexicon import KEYWORDS  # noqa: E402

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None
_info: dict[str, object] = {}


def tokenizer() -> jieba.Tokenizer:
    """The shared tokenizer; loaded on first use (default dictionary + user dictionary)."""
    global _tokenizer
    if _tokenizer is not None:
        return _tokenizer
    with _lock:
        if _tokenizer is None:
            started = time.perf_counter()
            with warnings.catch_warnings():
                # jieba 0.42 emits SyntaxWarning / pkg_resources deprecation warnings on import.
                warnings.simplefilter("ignore")
                import jieba as _jieba

                _jieba.setLogLevel(logging.WARNING)
                tk = _jieba.Tokenizer()
                tk.initialize()
                user_dict = False
                if USER_DICT.is_file():
                    try:
                        tk.load_userdict(str(USER_DICT))
                        user_dict = True
                    except (OSError, ValueError, UnicodeDecodeError):
                        user_dict = False  # a broken dictionary must not stop the analysis
                for word in KEYWORDS:
                    tk.add_word(word, freq=100_000)
            _info.update(load_seconds=time.perf_counter() - started, user_dict=user_dict)
            _tokenizer = tk
    return _tokenizer


def tokenizer_info() -> dict[str, object]:
    """Load time (seconds) and whether the user dictionary was loaded; empty before first use."""
    return dict(_info)


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) tokens of ``text`` (precise mode, no HMM: fast and deterministic)."""
    return list(tokenizer().tokenize(text, HMM=False))
