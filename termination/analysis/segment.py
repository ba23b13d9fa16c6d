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

# Words our own keyword search relies on; kept whole whatever the user dictionary says.
KEYWORDS: tuple[str, ...] = (
    "执行通知书", "执行通知", "报告财产令", "财产报告令", "申报财产令", "报告财产", "申报财产",
    "网络执行查控系统", "执行网络查控系统", "网络查控系统", "网络执行查控", "网络查控", "执行查控系统",
    "查控系统", "总对总", "点对点", "网络查询", "网上查询", "现场调查", "实地调查", "实地走访",
    "实地查看", "现场查看", "现场勘查", "入户调查", "走访调查", "上门调查", "限制消费令",
    "限制高消费令", "限制高消费", "限制消费", "限高令", "失信被执行人名单", "失信被执行人",
    "失信名单", "罚款", "司法拘留", "拘留", "搜查令", "搜查", "悬赏公告", "执行悬赏", "悬赏",
    "司法审计", "审计",
)

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
