package com.creditdesk.command.statement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The watched folder for bank statements ({@code creditdesk.bank-statements.folder}); off unless a path is set (the
 * standalone mode sets {@code <data folder>/bank-statements}).
 *
 * @param path         where the bank (or its SFTP client) drops CAMT.053 files; {@code imported/}, {@code refused/}
 *                     and {@code processing/} are made inside it
 * @param pollInterval how often the folder is looked at
 * @param settleTime   how long a file must be left unchanged before it is read, so a file still being written waits
 * @param maxFileSize  larger files are refused (a day's statement of a busy account is far smaller)
 * @param actor        who the events name as having imported the files
 */
@ConfigurationProperties("creditdesk.bank-statements.folder")
public record StatementFolderSettings(Path path, @DefaultValue("PT5S") Duration pollInterval,
                                      @DefaultValue("PT2S") Duration settleTime,
                                      @DefaultValue("10MB") DataSize maxFileSize,
                                      @DefaultValue("bank-statement-folder") String actor) {
}
