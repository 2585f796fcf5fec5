// libFuzzer target for format detection (DetectFormat: every format's Detect
// on the same text): whatever the bytes, a format or an error located as
// "fuzz:LINE:COL: ...", never a crash, hang or overflow. The readers' targets
// (FORMAT_fuzzer) no longer detect, so that each does one reader's work; this
// target is where detection is fuzzed, seeded from every format's records
// (fuzz/minutes_fuzz_body.h: DetectOnce; kept inputs in fuzz/corpus/detect/).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz_target.h"
#include "line_mutator.h"
#include "minutes_fuzz_body.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  plenary::fuzz::CpuDeadline deadline;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto error = plenary::fuzz::DetectOnce(bytes);
  if (error && !plenary::fuzz::IsLocatedMessage(*error)) std::abort();
  return 0;
}
