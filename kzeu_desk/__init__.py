"""kzeu_desk: curate a sourced fact base on Kazakhstan–EU relations."""

__version__ = "0.1.0"
