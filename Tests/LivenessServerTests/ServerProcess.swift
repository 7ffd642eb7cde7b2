import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The built `liveness` executable run as a child process, for tests that must kill the server.
final class ServerProcess: @unchecked Sendable {
    /// Beside the test bundle in the build directory (`swift build --build-tests` builds both).
    static let executable: URL? = {
        let bundle = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        for directory in [bundle.deletingLastPathComponent(), Bundle.main.bundleURL.deletingLastPathComponent()] {
            let candidate = directory.appendingPathComponent("liveness")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    let process = Process()
    private let lock = NSLock()
    private var output = ""
    private var portWaiter: CheckedContinuation<Int, any Error>?
    private var port: Int?

    /// Runs `liveness arguments...` to completion and returns its standard output.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try executableOrFail()
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func executableOrFail() throws -> URL {
        guard let executable else { throw Missing() }
        return executable
    }

    struct Missing: Error {}
    struct Exited: Error, CustomStringConvertible {
        let output: String
        var description: String { "the server exited before listening:\n\(output)" }
    }

    /// Starts `liveness serve` with `environment` and waits until it listens; returns its port.
    /// Its output is read on a thread of its own (blocking reads, no dispatch sources), and its
    /// exit is observed through `terminationHandler`.
    func start(environment: [String: String]) async throws -> Int {
        process.executableURL = try Self.executableOrFail()
        process.arguments = ["serve"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.terminationHandler = { [self] _ in
            lock.lock()
            exited = true
            let waiters = exitWaiters
            exitWaiters = []
            lock.unlock()
            waiters.forEach { $0.resume() }
        }
        let reader = Thread { [self] in
            let handle = pipe.fileHandleForReading
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                append(String(decoding: data, as: UTF8.self))
            }
            finish(with: .failure(Exited(output: log)))
        }
        return try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            portWaiter = continuation
            lock.unlock()
            do {
                try process.run()
                reader.start()
            } catch {
                finish(with: .failure(error))
            }
        }
    }

    private var exited = false
    private var exitWaiters: [CheckedContinuation<Void, Never>] = []

    /// Sends `signal` and waits for the process to exit.
    func kill(_ signal: Int32) async {
        Foundation.kill(process.processIdentifier, signal)
        await withCheckedContinuation { continuation in
            lock.lock()
            if exited {
                lock.unlock()
                continuation.resume()
            } else {
                exitWaiters.append(continuation)
                lock.unlock()
            }
        }
    }

    private func append(_ text: String) {
        lock.lock()
        output += text
        let found = output.firstRange(of: /listening on 127\.0\.0\.1:(\d+)/).flatMap { Int(output[$0].split(separator: ":").last ?? "") }
        lock.unlock()
        if let found { finish(with: .success(found)) }
    }

    private func finish(with result: Result<Int, any Error>) {
        lock.lock()
        if case .success(let value) = result { port = value }
        let waiter = portWaiter
        portWaiter = nil
        lock.unlock()
        waiter?.resume(with: result)
    }

    var log: String { lock.withLock { output } }

    /// POSTs JSON to the server with URLSession; returns the status and body.
    static func post(_ url: String, json: [String: Any], headers: [String: String]) async throws -> (status: Int, body: [String: Any]) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: json)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (key, value) in headers { request.setValue(value, forHTTPHeaderField: key) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let body = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, body)
    }
}
