#ifndef KPLAN_CLIBYAML_SHIM_H
#define KPLAN_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
