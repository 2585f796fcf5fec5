// Reading a password kept in a file (`--password-file`), so that it never
// appears on a command line or in a process listing.
#pragma once

#include <string>

#include "plenary/result.h"

namespace plenary {

// The password in the file at `path`: its bytes without one trailing "\n"
// (or "\r\n"). Refused (kInvalidInput) when the file is readable by every
// user (give it mode 600), is not a regular file, is empty, holds more than
// one line or is over 4 KiB; kIO when it cannot be read. Messages name the
// file, never its content.
Result<std::string> ReadPasswordFile(const std::string& path);

}  // namespace plenary
