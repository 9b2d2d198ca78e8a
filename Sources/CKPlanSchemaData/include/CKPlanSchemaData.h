#ifndef CKPLANSCHEMADATA_H
#define CKPLANSCHEMADATA_H

#include <stddef.h>

/// The embedded Kubernetes schema bundle, NUL-terminated (see Scripts/generate-schema-bundle.py).
const char *kplan_schema_bundle(void);

/// The bundle's length in bytes, without the terminating NUL.
size_t kplan_schema_bundle_length(void);

#endif
