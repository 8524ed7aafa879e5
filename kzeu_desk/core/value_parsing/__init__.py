from kzeu_desk.core.value_parsing.numbers import parse_amount_text, parse_date_text, suggest_value

__all__ = ["parse_amount_text", "parse_date_text", "suggest_value"]
