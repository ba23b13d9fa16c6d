"""The HTTP service for case-management systems (``termination serve``).

Importing this package loads nothing heavy: FastAPI and uvicorn are imported by
:mod:`termination.service.app` and by ``termination serve`` only.
"""
