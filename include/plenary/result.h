// plenary's one error vocabulary: recoverable failures are values.
//
// Every fallible call across a module boundary returns Result<T> (or Status for
// calls with no value). Exceptions never cross a module boundary; the CLI's main
// catches whatever escapes once and prints "plenary: error: ...".
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace plenary {

enum class ErrorKind {
  kInvalidInput,      // the user's input is wrong: notes, roster, dates, arguments
  kNotFound,          // a named thing (meeting, item, group) does not exist
  kConflict,          // the request contradicts what is stored
  kPermissionDenied,  // the actor may see the thing but not do this to it
  kStorage,           // the database failed or is corrupt
  kIO,                // a file could not be read or written
  kInternal,          // a broken invariant in plenary itself
};

const char* ErrorKindName(ErrorKind kind);

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  // Complete, human-readable text. For input errors it is already in the form
  // "NAME:LINE:COL: message\n<offending line>\n<caret>".
  std::string message;

  static Error InvalidInput(std::string m) { return {ErrorKind::kInvalidInput, std::move(m)}; }
  static Error NotFound(std::string m) { return {ErrorKind::kNotFound, std::move(m)}; }
  static Error Conflict(std::string m) { return {ErrorKind::kConflict, std::move(m)}; }
  static Error PermissionDenied(std::string m) {
    return {ErrorKind::kPermissionDenied, std::move(m)};
  }
  static Error Storage(std::string m) { return {ErrorKind::kStorage, std::move(m)}; }
  static Error IO(std::string m) { return {ErrorKind::kIO, std::move(m)}; }
  static Error Internal(std::string m) { return {ErrorKind::kInternal, std::move(m)}; }
};

// A value or an Error. Accessing the wrong alternative is a programming error
// (asserted), not a recoverable condition.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

// Result for calls that produce no value.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design
  static Status Ok() { return {}; }

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const {
    assert(!ok());
    return *error_;
  }

 private:
  std::optional<Error> error_;
};

}  // namespace plenary
