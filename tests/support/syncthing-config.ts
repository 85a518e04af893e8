/**
 * A Syncthing 1.19 config.xml that can only talk over loopback: listening on 127.0.0.1 only, the peer
 * dialled at 127.0.0.1, no global or local discovery, no relays, no NAT traversal, no usage or crash
 * reports, no upgrades. Written before a device's first start, over the one `syncthing generate` made
 * (whose only use is the key pair and so the device id).
 *
 * Every folder field is written out: Syncthing fills defaults for the top level, not for each folder in
 * the XML, and a missing `maxConflicts` would be 0 — no conflict copies at all.
 */

export interface DeviceConfig {
  id: string;
  name: string;
  listenPort: number;
}

export interface SyncthingConfig {
  self: DeviceConfig;
  peer: DeviceConfig;
  apiPort: number;
  apiKey: string;
  folder: { id: string; label: string; path: string };
  /** Syncthing's "simple" versioning of replaced and deleted files in `.stversions/`. */
  simpleVersioning?: boolean;
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The device id in the config.xml `syncthing generate` wrote (its own and only device). */
export function deviceIdOf(generatedConfig: string): string {
  const id = /<device id="([A-Z0-9-]{63})"/.exec(generatedConfig)?.[1];
  if (!id) throw new Error('No device id in the generated config.xml');
  return id;
}

function device(d: DeviceConfig, address: string): string {
  return `    <device id="${d.id}" name="${xml(d.name)}" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy="">
        <address>${address}</address>
        <paused>false</paused>
        <autoAcceptFolders>false</autoAcceptFolders>
        <maxSendKbps>0</maxSendKbps>
        <maxRecvKbps>0</maxRecvKbps>
        <maxRequestKiB>0</maxRequestKiB>
        <untrusted>false</untrusted>
        <remoteGUIPort>0</remoteGUIPort>
    </device>`;
}

function versioning(simple: boolean): string {
  const params = simple ? ' type="simple">\n            <param key="keep" val="10"></param>\n            <param key="cleanoutDays" val="0"></param>' : '>';
  return `        <versioning${params}
            <cleanupIntervalS>3600</cleanupIntervalS>
            <fsPath></fsPath>
            <fsType>basic</fsType>
        </versioning>`;
}

export function syncthingConfigXml(c: SyncthingConfig): string {
  return `<configuration version="36">
    <folder id="${xml(c.folder.id)}" label="${xml(c.folder.label)}" path="${xml(c.folder.path)}" type="sendreceive" rescanIntervalS="3600" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="${c.self.id}" introducedBy=""><encryptionPassword></encryptionPassword></device>
        <device id="${c.peer.id}" introducedBy=""><encryptionPassword></encryptionPassword></device>
        <minDiskFree unit="%">0</minDiskFree>
${versioning(c.simpleVersioning ?? false)}
        <copiers>0</copiers>
        <pullerMaxPendingKiB>0</pullerMaxPendingKiB>
        <hashers>0</hashers>
        <order>random</order>
        <ignoreDelete>false</ignoreDelete>
        <scanProgressIntervalS>0</scanProgressIntervalS>
        <pullerPauseS>0</pullerPauseS>
        <maxConflicts>10</maxConflicts>
        <disableSparseFiles>false</disableSparseFiles>
        <disableTempIndexes>false</disableTempIndexes>
        <paused>false</paused>
        <weakHashThresholdPct>25</weakHashThresholdPct>
        <markerName>.stfolder</markerName>
        <copyOwnershipFromParent>false</copyOwnershipFromParent>
        <modTimeWindowS>0</modTimeWindowS>
        <maxConcurrentWrites>2</maxConcurrentWrites>
        <disableFsync>false</disableFsync>
        <blockPullOrder>standard</blockPullOrder>
        <copyRangeMethod>standard</copyRangeMethod>
        <caseSensitiveFS>false</caseSensitiveFS>
        <junctionsAsDirs>false</junctionsAsDirs>
    </folder>
${device(c.self, 'dynamic')}
${device(c.peer, `tcp://127.0.0.1:${c.peer.listenPort}`)}
    <gui enabled="true" tls="false" debugging="false">
        <address>127.0.0.1:${c.apiPort}</address>
        <apikey>${xml(c.apiKey)}</apikey>
        <theme>default</theme>
    </gui>
    <ldap></ldap>
    <options>
        <listenAddress>tcp://127.0.0.1:${c.self.listenPort}</listenAddress>
        <globalAnnounceServer></globalAnnounceServer>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <localAnnouncePort>21027</localAnnouncePort>
        <localAnnounceMCAddr>[ff12::8384]:21027</localAnnounceMCAddr>
        <maxSendKbps>0</maxSendKbps>
        <maxRecvKbps>0</maxRecvKbps>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <relaysEnabled>false</relaysEnabled>
        <relayReconnectIntervalM>10</relayReconnectIntervalM>
        <startBrowser>false</startBrowser>
        <natEnabled>false</natEnabled>
        <natLeaseMinutes>60</natLeaseMinutes>
        <natRenewalMinutes>30</natRenewalMinutes>
        <natTimeoutSeconds>10</natTimeoutSeconds>
        <urAccepted>-1</urAccepted>
        <urSeen>3</urSeen>
        <urUniqueID></urUniqueID>
        <urURL></urURL>
        <urPostInsecurely>false</urPostInsecurely>
        <urInitialDelayS>1800</urInitialDelayS>
        <restartOnWakeup>false</restartOnWakeup>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <upgradeToPreReleases>false</upgradeToPreReleases>
        <keepTemporariesH>24</keepTemporariesH>
        <cacheIgnoredFiles>false</cacheIgnoredFiles>
        <progressUpdateIntervalS>5</progressUpdateIntervalS>
        <limitBandwidthInLan>false</limitBandwidthInLan>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
        <releasesURL></releasesURL>
        <overwriteRemoteDeviceNamesOnConnect>false</overwriteRemoteDeviceNamesOnConnect>
        <tempIndexMinBlocks>10</tempIndexMinBlocks>
        <trafficClass>0</trafficClass>
        <setLowPriority>false</setLowPriority>
        <maxFolderConcurrency>0</maxFolderConcurrency>
        <crashReportingURL></crashReportingURL>
        <crashReportingEnabled>false</crashReportingEnabled>
        <stunKeepaliveStartS>0</stunKeepaliveStartS>
        <stunKeepaliveMinS>0</stunKeepaliveMinS>
        <stunServer></stunServer>
        <databaseTuning>auto</databaseTuning>
        <maxConcurrentIncomingRequestKiB>0</maxConcurrentIncomingRequestKiB>
        <announceLANAddresses>false</announceLANAddresses>
        <sendFullIndexOnUpgrade>false</sendFullIndexOnUpgrade>
        <connectionLimitEnough>0</connectionLimitEnough>
        <connectionLimitMax>0</connectionLimitMax>
        <insecureAllowOldTLSVersions>false</insecureAllowOldTLSVersions>
    </options>
</configuration>
`;
}
