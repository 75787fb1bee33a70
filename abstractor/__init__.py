"""abstractor: chart abstraction and medical-necessity review for denosumab prior authorization."""

__version__ = "0.1.0"
