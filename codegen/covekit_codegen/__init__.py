"""covekit code generator: spec/*.yaml -> C headers, stubs, docs.

Other code (tools/lib/covekit_tools) uses covekit_codegen.api only."""
