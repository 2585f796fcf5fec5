// libFuzzer target for the notes and roster readers: whatever the bytes, every
// reader returns a value or an error located as "fuzz:LINE:COL: ...", and never
// crashes, hangs, overflows or throws. The work is fuzz/notes_fuzz_body.h,
// which tests/fuzz_corpus_test.cc replays over fuzz/corpus/notes/.
//
//   CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DPLENARY_FUZZ=ON -DPLENARY_WERROR=OFF
//   cmake --build build-fuzz --target notes_fuzzer
//   build-fuzz/notes_fuzzer -max_len=8192 -dict=fuzz/notes.dict fuzz/corpus-new fuzz/corpus/notes
//
// (PLENARY_FUZZ instruments plenary_lib as well, so that libFuzzer sees the
// coverage of the readers and ASan checks them.) The file defines LLVMFuzzerTestOneInput and
// the CPU deadline of fuzz/fuzz_target.h.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz_target.h"
#include "line_mutator.h"
#include "notes_fuzz_body.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  plenary::fuzz::CpuDeadline deadline;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // An error that does not say where it is: as much a bug as a crash.
  auto outcome = plenary::fuzz::NotesOnce(bytes);
  if (outcome.error && !plenary::fuzz::IsLocatedMessage(*outcome.error)) std::abort();
  return 0;
}
