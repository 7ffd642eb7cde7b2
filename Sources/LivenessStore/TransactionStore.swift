import Foundation

/// Where checks are recorded. Implementations: `SQLiteTransactionStore` (embedded default).
public protocol TransactionStore: Sendable {
    func record(_ transaction: TransactionRecord) async throws
    func transaction(id: String) async throws -> TransactionRecord?
    /// Counts of the checks made on the UTC days `from` through `through` (both inclusive), of one
    /// workspace or (nil) of all.
    func report(from: Day, through: Day, workspace: String?) async throws -> BIReport
    /// Deletes the checks made before `cutoff`; returns how many went.
    func deleteTransactions(before cutoff: Date) async throws -> Int
}

extension TransactionStore {
    /// Counts of every workspace's checks.
    public func report(from: Day, through: Day) async throws -> BIReport {
        try await report(from: from, through: through, workspace: nil)
    }
}

/// A calendar day in UTC, written `yyyy-MM-dd` (the vendor's date format).
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    /// Parses `yyyy-MM-dd`; nil for anything else or an impossible date (2026-02-30).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month, day)
        guard let date = Self.calendar.date(from: components), Self(date).description == text else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    public init(_ date: Date) {
        let components = Self.calendar.dateComponents([.year, .month, .day], from: date)
        (year, month, day) = (components.year!, components.month!, components.day!)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Midnight UTC at the start of the day.
    public var start: Date {
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month, day)
        return Self.calendar.date(from: components)!
    }

    /// Midnight UTC at the end of the day (the start of the next).
    public var end: Date { Self.calendar.date(byAdding: .day, value: 1, to: start)! }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.description < rhs.description }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
