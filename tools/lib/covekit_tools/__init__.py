"""Python behind the tools/* front ends (besides codegen)."""
