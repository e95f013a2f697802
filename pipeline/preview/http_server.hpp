#pragma once
// The preview's HTTP server (Poco::Net::HTTPServer): GET and HEAD of the
// URLs request_target.hpp allows, nothing else. It listens on 127.0.0.1
// unless told otherwise; on the loopback address it answers only requests
// whose Host is that address or localhost, so that a web page elsewhere
// cannot reach it through a name that resolves to 127.0.0.1 (DNS
// rebinding).
#include <Poco/Net/HTTPServer.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "preview/previewer.hpp"

namespace preview {

// The server cannot listen: the port is taken, the address is not one of
// this machine's, … what() says so, for people.
struct ListenError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class HttpServer {
public:
    // Binds now (throws ListenError); `port` 0 takes a free one.
    HttpServer(Previewer& previewer, const std::string& address, unsigned port);
    ~HttpServer();
    void start();
    void stop();
    unsigned port() const { return port_; }
    // "http://127.0.0.1:8040/"
    std::string url() const;

private:
    Previewer& previewer_;
    std::string address_;
    unsigned port_ = 0;
    std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace preview
