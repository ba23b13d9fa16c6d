"""Blocks → a file: .docx (:mod:`.docx`) and plain text (:mod:`.text`)."""
