"""One pydantic schema per pack section, in a module named after the section."""
