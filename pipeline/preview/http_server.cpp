#include "preview/http_server.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "core/messages.hpp"
#include "preview/page.hpp"
#include "preview/request_target.hpp"

namespace preview {

namespace {

using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

// Sent with every answer: nothing is cached (every build changes what is
// served), no type is guessed, and the page runs only its own scripts.
void common_headers(HTTPServerResponse& response) {
    response.set("Cache-Control", "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "no-referrer");
    response.set("Content-Security-Policy",
                 "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data: "
                 "blob:; connect-src 'self'; font-src 'self' data:; base-uri 'none'; form-action 'none'; "
                 "frame-ancestors 'none'");
}

void send_text(HTTPServerResponse& response, HTTPResponse::HTTPStatus status, const std::string& type,
               const std::string& body) {
    response.setStatusAndReason(status);
    response.setContentType(type);
    response.setContentLength(static_cast<std::streamsize>(body.size()));
    response.send() << body;  // for HEAD, Poco sends the header alone
}

void not_found(HTTPServerResponse& response) {
    send_text(response, HTTPResponse::HTTP_NOT_FOUND, "text/plain; charset=utf-8", core::tr("Not found.") + "\n");
}

bool inside(const std::filesystem::path& file, const std::filesystem::path& folder) {
    std::error_code error;
    const auto real_file = std::filesystem::canonical(file, error);
    if (error) return false;
    const auto real_folder = std::filesystem::canonical(folder, error);
    if (error) return false;
    const auto rest = real_file.lexically_relative(real_folder);
    return !rest.empty() && *rest.begin() != "..";
}

class Handler final : public Poco::Net::HTTPRequestHandler {
public:
    Handler(Previewer& previewer, const std::string& scratch, const std::string& allowed_host)
        : previewer_(previewer), scratch_(scratch), allowed_host_(allowed_host) {}

    void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
        common_headers(response);
        const auto& method = request.getMethod();
        if (method != HTTPRequest::HTTP_GET && method != HTTPRequest::HTTP_HEAD) {
            response.set("Allow", "GET, HEAD");
            send_text(response, HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "text/plain; charset=utf-8",
                      core::tr("Only GET and HEAD are answered here.") + "\n");
            return;
        }
        if (!allowed_host_.empty() && !host_allowed(request.getHost())) return not_found(response);
        const auto target = resolve_target(request.getURI());
        if (!target) return not_found(response);
        switch (target->kind) {
            case TargetKind::Page:
                return send_text(response, HTTPResponse::HTTP_OK, "text/html; charset=utf-8",
                                 page_html(previewer_.snapshot()->dataset));
            case TargetKind::Script:
                return send_text(response, HTTPResponse::HTTP_OK, "text/javascript; charset=utf-8", page_script());
            case TargetKind::Style:
                return send_text(response, HTTPResponse::HTTP_OK, "text/css; charset=utf-8", page_style());
            case TargetKind::State:
                return send_text(response, HTTPResponse::HTTP_OK, "application/json",
                                 state_json(*previewer_.snapshot()));
            case TargetKind::PdfJs: return send_file(response, kPdfJsFile, "text/javascript");
            case TargetKind::PdfJsWorker: return send_file(response, kPdfJsWorkerFile, "text/javascript");
            case TargetKind::Document: return send_document(response, target->document);
            case TargetKind::Events: return send_events(request, response);
            case TargetKind::Values: {
                const auto json = previewer_.values_json(target->document);
                if (json.empty()) return not_found(response);
                return send_text(response, HTTPResponse::HTTP_OK, "application/json", json);
            }
        }
        not_found(response);
    }

private:
    bool host_allowed(const std::string& host) const {
        return host == allowed_host_ || host == "localhost:" + allowed_host_.substr(allowed_host_.rfind(':') + 1);
    }

    void send_file(HTTPServerResponse& response, const std::string& path, const std::string& type) {
        try {
            response.sendFile(path, type);
        } catch (const Poco::FileNotFoundException&) {
            not_found(response);
        }
    }

    // Only a document of the last build, looked up by name, and only when
    // its file is in the scratch folder.
    void send_document(HTTPServerResponse& response, const std::string& name) {
        const auto snapshot = previewer_.snapshot();
        for (const auto& document : snapshot->documents)
            if (document.name == name && inside(document.pdf, scratch_))
                return send_file(response, document.pdf, "application/pdf");
        not_found(response);
    }

    // Server-Sent Events (HTML Living Standard §9.2): the current build's
    // number at once, then each new one as it is made; a comment every 15 s
    // finds a closed connection.
    void send_events(HTTPServerRequest& request, HTTPServerResponse& response) {
        response.setContentType("text/event-stream");
        response.setChunkedTransferEncoding(true);
        std::ostream& out = response.send();
        if (request.getMethod() == HTTPRequest::HTTP_HEAD) return;
        std::uint64_t seen = previewer_.snapshot()->generation;
        out << "retry: 1000\n\ndata: " << seen << "\n\n" << std::flush;
        while (out.good() && !previewer_.stopping()) {
            const auto now = previewer_.wait_for_change(seen, std::chrono::seconds(15));
            if (previewer_.stopping()) break;
            if (now > seen) {
                seen = now;
                out << "data: " << seen << "\n\n";
            } else {
                out << ": still here\n\n";
            }
            out.flush();
        }
    }

    Previewer& previewer_;
    std::string scratch_;
    std::string allowed_host_;
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Factory(Previewer& previewer, std::string scratch, std::string allowed_host)
        : previewer_(previewer), scratch_(std::move(scratch)), allowed_host_(std::move(allowed_host)) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override {
        return new Handler(previewer_, scratch_, allowed_host_);
    }

private:
    Previewer& previewer_;
    std::string scratch_;
    std::string allowed_host_;
};

bool loopback(const std::string& address) { return address == "127.0.0.1" || address == "::1"; }

}  // namespace

HttpServer::HttpServer(Previewer& previewer, const std::string& address, unsigned port)
    : previewer_(previewer), address_(address) {
    Poco::Net::ServerSocket socket;
    try {
        // SO_REUSEADDR lets a restarted preview take its port at once; not
        // SO_REUSEPORT, which would let a second one share it silently.
        socket.bind(Poco::Net::SocketAddress(address, static_cast<Poco::UInt16>(port)), true, false);
        socket.listen(64);
    } catch (const Poco::Net::NetException& e) {
        if (e.code() == EADDRINUSE || e.message().find("in use") != std::string::npos)
            throw ListenError(core::tr("port {1} on {2} is taken by another program; choose another with --port",
                                       std::to_string(port), address));
        throw ListenError(
            core::tr("cannot listen on {1} port {2}: {3}", address, std::to_string(port), e.displayText()));
    } catch (const Poco::Exception& e) {
        throw ListenError(
            core::tr("cannot listen on {1} port {2}: {3}", address, std::to_string(port), e.displayText()));
    }
    port_ = socket.address().port();
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(16);  // each open page holds one for its event stream
    params->setMaxQueued(64);
    params->setKeepAlive(true);
    params->setTimeout(Poco::Timespan(30, 0));
    const std::string host = address.find(':') != std::string::npos ? "[" + address + "]" : address;
    const std::string allowed_host = loopback(address) ? host + ":" + std::to_string(port_) : "";
    server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(previewer, previewer.scratch_folder(), allowed_host),
                                                      socket, params);
}

HttpServer::~HttpServer() { stop(); }

void HttpServer::start() { server_->start(); }

// The event streams wait on the previewer: stopping it ends them, and the
// handlers still running are waited for, since they use the previewer.
void HttpServer::stop() {
    if (!server_) return;
    previewer_.stop();
    server_->stopAll(true);
    for (int i = 0; i < 500 && server_->currentThreads() > 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    server_.reset();
}

std::string HttpServer::url() const {
    const std::string host = address_.find(':') != std::string::npos ? "[" + address_ + "]" : address_;
    return "http://" + host + ":" + std::to_string(port_) + "/";
}

}  // namespace preview
