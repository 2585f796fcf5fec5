#include "server/page_support.h"

#include <iostream>
#include <stdexcept>

#include "app/credentials.h"
#include "core/text.h"
#include "publish/formats/html_writer.h"
#include "server/access.h"
#include "server/api_common.h"
#include "server/auth.h"
#include "server/multipart.h"
#include "server/pages/site_pages.h"
#include "server/url_codec.h"

namespace plenary {
namespace {

constexpr std::size_t kMaxNoticeBytes = 200;

// Scripts only from our own /static (no inline script), styles likewise; the
// chart is inline SVG, which needs no source. Forms post only here.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

}  // namespace

pages::Viewer PageViewer(const RouteCall& call, const std::string& group) {
  pages::Viewer v;
  v.signed_in = call.viewer.user.has_value();
  if (v.signed_in)
    v.display_name = call.viewer.user->display_name.empty() ? call.viewer.user->login
                                                            : call.viewer.user->display_name;
  v.csrf_token = call.viewer.csrf_token;
  v.can_edit = !group.empty() && May(call, Operation::kEditAction, group);
  return v;
}

pages::Frame GroupFrame(const RouteCall& call, const std::string& group, std::string title,
                        pages::Section section) {
  pages::Frame f;
  f.title = std::move(title);
  f.viewer = PageViewer(call, group);
  f.group = group;
  f.section = section;
  f.notice = NoticeOf(call);
  return f;
}

Result<std::string> PageGroup(RouteCall& call, const std::string& name) {
  return VisibleGroup(call, name);
}

HttpResponse HtmlPage(int status, const pages::Frame& frame, const html::TrustedHtml& main) {
  HttpResponse r =
      HttpResponse::Text(status, pages::RenderPage(frame, main), "text/html; charset=utf-8");
  r.headers.Set("Content-Security-Policy", std::string(kContentSecurityPolicy));
  r.headers.Set("X-Content-Type-Options", "nosniff");
  r.headers.Set("Referrer-Policy", "same-origin");
  r.headers.Set("Cache-Control", "no-store");
  return r;
}

HttpResponse ErrorPage(const RouteCall& call, const Error& error) {
  int status = 500;
  std::string message = "Something went wrong on the server.";
  switch (error.kind) {
    case ErrorKind::kNotFound:
      status = 404, message = "There is no such page.";
      break;
    case ErrorKind::kPermissionDenied:
      status = 403, message = "You may not do that here.";
      break;
    case ErrorKind::kInvalidInput:
    case ErrorKind::kConflict:
      status = error.kind == ErrorKind::kConflict ? 409 : 400, message = error.message;
      break;
    case ErrorKind::kStorage:
    case ErrorKind::kIO:
    case ErrorKind::kInternal:
      std::cerr << "plenary serve: " << ErrorKindName(error.kind) << ": " << error.message << '\n';
      break;
  }
  pages::Frame frame;
  frame.title = std::string(StatusReason(status));
  frame.viewer = PageViewer(call);
  return HtmlPage(status, frame, pages::RenderError(status, message));
}

HttpResponse Redirect(const std::string& path, const std::string& notice) {
  HttpResponse r = HttpResponse::Text(303, "");
  r.headers.Set("Location", notice.empty() ? path : path + html::QueryString({{"done", notice}}));
  return r;
}

// An urlencoded form, or a multipart one (the import form, for its file).
Result<QueryParams> FormOf(const HttpRequest& request) {
  const std::string type = request.headers.Get("Content-Type");
  if (AsciiLower(type.substr(0, 19)) != "multipart/form-data") return ParseForm(request.body);
  auto boundary = MultipartBoundary(type);
  if (!boundary.ok()) return boundary.error();
  return ParseMultipart(request.body, *boundary);
}

Result<QueryParams> CheckedForm(const RouteCall& call) {
  auto form = FormOf(call.request);
  if (!form.ok()) return form.error();
  const std::string* token = FindParam(*form, pages::kCsrfField);
  if (!call.viewer.user || call.viewer.csrf_token.empty() || !token ||
      !SecretsEqual(*token, call.viewer.csrf_token))
    return Error::PermissionDenied("the form's security token is missing or out of date");
  return form;
}

std::string Field(const QueryParams& form, std::string_view name) {
  const std::string* v = FindParam(form, name);
  return v ? *v : std::string();
}

std::string NoticeOf(const RouteCall& call) {
  const std::string* done = FindParam(call.request.query, "done");
  return done ? html::Shorten(*done, kMaxNoticeBytes) : std::string();
}

}  // namespace plenary
