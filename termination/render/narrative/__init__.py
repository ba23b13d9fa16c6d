"""The facts a document states, as typed values: parties, the course of enforcement, the property
found, the amounts, the hearing of the applicant and the signatures.

Python decides *what* is said (selection, order, merging, dates, amounts, who signs, where a
gap goes); the templates in ``templates/`` decide *how* (every Chinese phrase). Nothing here
returns a sentence.
"""
