"""covekit code generator: spec/*.yaml -> C headers, stubs, docs."""
