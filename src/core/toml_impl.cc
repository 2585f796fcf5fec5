// toml++'s implementation, compiled once into plenary when it is not linked as
// Debian's libtomlplusplus (PLENARY_STATIC_LIBS in CMakeLists.txt); with the
// shared library (TOML_SHARED_LIB=1) this file is empty.
#if !TOML_SHARED_LIB
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
#endif
