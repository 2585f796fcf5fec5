# Writes OUT, a C++ source holding every file named in FILES (comma-separated,
# relative to DIR) as a byte array with its SHA-256 (hex; the first 16 digits are
# the asset's version in URLs), for src/publish/assets.cc. Run at build time by
# CMakeLists.txt; the output lives in the build tree and is never committed.
set(body "// Generated from web/ by cmake/embed_assets.cmake. Do not edit.\n#include <cstddef>\n\nnamespace plenary::embedded {\nstruct File {\n  const char* name;\n  const unsigned char* data;\n  std::size_t size;\n  const char* sha256;\n};\n")
string(REPLACE "," ";" FILES "${FILES}")
set(table "")
set(index 0)
foreach(name ${FILES})
  file(READ "${DIR}/${name}" hex HEX)
  file(SIZE "${DIR}/${name}" size)
  file(SHA256 "${DIR}/${name}" digest)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(APPEND body "static const unsigned char kFile${index}[] = {${bytes}0x00};\n")
  string(APPEND table "    {\"${name}\", kFile${index}, ${size}, \"${digest}\"},\n")
  math(EXPR index "${index} + 1")
endforeach()
string(APPEND body "extern const File kWebFiles[] = {\n${table}};\nextern const std::size_t kWebFileCount = ${index};\n}  // namespace plenary::embedded\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
