// toml++'s implementation, compiled once into plenary (CMakeLists.txt:
// plenary_toml), with the fix in core/toml.h; never Debian's libtomlplusplus,
// which carries the unfixed code.
#define TOML_IMPLEMENTATION
#include "core/toml.h"
