"""Quote alignment: a quote back to exact offsets in a Document."""
