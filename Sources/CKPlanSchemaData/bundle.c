const char *kplan_schema_bundle(void) { return "{}"; }
