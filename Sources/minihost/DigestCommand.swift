import ArgumentParser
import Foundation
import MiniHostCore

/// `minihost digest`: compute a package's digest, and write it into the manifest.
struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Compute the sha256 digest of a package's files; --write stores it in the manifest.",
        discussion: ExitStatus.list([(0, "the manifest's digest is current (or was written)"), (1, "without --write, the manifest's digest is stale or missing"),
                                     (2, "a bad target, or the manifest cannot be written")])
    )

    @Argument(help: "A manifest file, a package directory or an app id.")
    var target: String

    @Flag(help: "Write the digest into the manifest.")
    var write = false

    @OptionGroup var targetOptions: TargetOptions

    func run() throws {
        let package: AppPackage
        do { package = try targetOptions.load(target, dev: true, compile: false) } catch { throw reportBadTarget(error) }
        let digest = PackageDigest.compute(files: package.files)
        let current = package.manifest.digest
        if write {
            if current == digest {
                print("\(digest) (unchanged)")
                return
            }
            do { try PackageDigest.write(digest, toManifestAt: package.manifestURL) } catch { throw reportBadTarget(error) }
            print("\(digest) (written to \(package.manifestURL.path))")
        } else {
            print(digest)
            if current != digest {
                FileHandle.standardError.write(Data("minihost: the manifest's digest is \(current ?? "missing"); run with --write to update it\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
