// A small blocking HTTP/1.1 client over POSIX sockets for the server tests,
// and a fixture that runs the real `plenary serve` on a free port.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace plenary::http_testing {

struct Reply {
  int status = 0;                              // 0: no (complete) response
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// A connected socket to 127.0.0.1:port, or -1.
inline int Connect(std::uint16_t port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

inline bool SendAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Reads until the peer closes or `timeout` passes; the bytes read.
inline std::string ReadAll(int fd, std::chrono::milliseconds timeout) {
  std::string out;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  char buffer[65536];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

inline Reply ParseReply(const std::string& raw) {
  Reply reply;
  std::size_t end = raw.find("\r\n\r\n");
  if (end == std::string::npos || raw.rfind("HTTP/1.", 0) != 0) return reply;
  std::istringstream head(raw.substr(0, end));
  std::string line;
  std::getline(head, line);
  reply.status = std::atoi(line.c_str() + 9);
  while (std::getline(head, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::size_t v = line.find_first_not_of(' ', colon + 1);
    reply.headers[name] = v == std::string::npos ? "" : line.substr(v);
  }
  reply.body = raw.substr(end + 4);
  return reply;
}

// One request on its own connection (Connection: close).
inline Reply Request(std::uint16_t port, const std::string& method, const std::string& target,
                     const std::string& body = "", const std::vector<std::string>& headers = {},
                     std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
  int fd = Connect(port);
  if (fd < 0) return {};
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (const std::string& h : headers) request += h + "\r\n";
  if (!body.empty() || method == "POST" || method == "PATCH")
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  request += "Connection: close\r\n\r\n" + body;
  SendAll(fd, request);
  std::string raw = ReadAll(fd, timeout);
  close(fd);
  return ParseReply(raw);
}

// GET `target` with the header `who` ("Authorization: Bearer ..."), or as
// the public when it is empty.
inline Reply GetAs(std::uint16_t port, const std::string& target, const std::string& who) {
  std::vector<std::string> headers;
  if (!who.empty()) headers.push_back(who);
  return Request(port, "GET", target, "", headers);
}

// `plenary --db DB serve --listen 127.0.0.1:0 ARGS...`, started and stopped by
// the test; its standard output and error go to files in `dir`.
class ServerProcess {
 public:
  ServerProcess(const std::filesystem::path& dir, const std::string& db,
                const std::vector<std::string>& args = {})
      : dir_(dir) {
    std::vector<std::string> argv = {PLENARY_BINARY, "--db",     db,
                                     "serve",        "--listen", "127.0.0.1:0"};
    argv.insert(argv.end(), args.begin(), args.end());
    Start(argv);
  }
  ~ServerProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  std::uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Sends SIGTERM and waits; the exit status, or -1.
  int Terminate() {
    Signal(SIGTERM);
    return Wait();
  }
  void Signal(int signal) {
    if (pid_ > 0) kill(pid_, signal);
  }
  // Waits for the process to exit; its exit status, or -1.
  int Wait() {
    if (pid_ <= 0) return -1;
    int status = 0;
    pid_t waited = waitpid(pid_, &status, 0);
    pid_ = 0;
    return waited > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string Stdout() const { return Read(dir_ / "serve.out"); }
  std::string Stderr() const { return Read(dir_ / "serve.err"); }

 private:
  static std::string Read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  void Start(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const std::string out = (dir_ / "serve.out").string(), err = (dir_ / "serve.err").string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid_ = 0;
    posix_spawn_file_actions_destroy(&actions);
    const std::string marker = "listening on http://127.0.0.1:";
    for (int i = 0; i < 200 && pid_ > 0; ++i) {
      std::string text = Stdout();
      std::size_t at = text.find(marker);
      if (at != std::string::npos && text.find('\n', at) != std::string::npos) {
        port_ = static_cast<std::uint16_t>(std::atoi(text.c_str() + at + marker.size()));
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  std::filesystem::path dir_;
  pid_t pid_ = 0;
  std::uint16_t port_ = 0;
};

}  // namespace plenary::http_testing
