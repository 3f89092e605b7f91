package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.AuditRepository;
import cn.mediationdesk.logic.store.CaseFileRepository;
import cn.mediationdesk.logic.store.DatabaseAccounts;
import cn.mediationdesk.logic.store.DictionaryRepository;
import cn.mediationdesk.logic.store.ImportProfileRepository;
import cn.mediationdesk.logic.store.LeadRepository;
import cn.mediationdesk.logic.store.LeadSearchRepository;
import cn.mediationdesk.logic.store.LedgerExportRepository;
import cn.mediationdesk.logic.store.OrganizationRepository;
import cn.mediationdesk.logic.store.SettingsRepository;
import cn.mediationdesk.logic.store.StatisticsRepository;
import cn.mediationdesk.logic.store.TallyRepository;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.logic.store.UserRepository;
import org.jdbi.v3.core.Handle;

import java.util.List;

/** The repositories of one Jdbi handle, all sharing its open transaction. */
final class JdbiTx implements Tx {
    private final Handle handle;
    private final List<Runnable> afterCommit;
    // Attached once per transaction: attaching copies the handle's configuration and builds a proxy,
    // which took about a tenth of a lead's save when done on each of its dozen calls.
    private LeadRepository leads;
    private OrganizationRepository organization;
    private SettingsRepository settings;
    private UserRepository users;

    /** @param afterCommit collects the actions {@link Database} runs once the transaction has committed */
    JdbiTx(Handle handle, List<Runnable> afterCommit) {
        this.handle = handle;
        this.afterCommit = afterCommit;
    }

    @Override
    public LeadRepository leads() {
        if (leads == null) {
            leads = handle.attach(LeadDao.class);
        }
        return leads;
    }

    @Override
    public CaseFileRepository caseFiles() {
        return new CaseFileDao(handle);
    }

    @Override
    public cn.mediationdesk.logic.store.AttachmentRepository attachments() {
        return new AttachmentDao(handle);
    }

    @Override
    public OrganizationRepository organization() {
        if (organization == null) {
            organization = handle.attach(OrganizationDao.class);
        }
        return organization;
    }

    @Override
    public DictionaryRepository dictionaries() {
        return new DictionaryDao(handle);
    }

    @Override
    public SettingsRepository settings() {
        if (settings == null) {
            settings = handle.attach(SettingsDao.class);
        }
        return settings;
    }

    @Override
    public TallyRepository tally() {
        return new TallyDao(handle);
    }

    @Override
    public StatisticsRepository statistics() {
        return new StatisticsDao(handle);
    }

    @Override
    public LedgerExportRepository ledgerExport() {
        return new LedgerExportDao(handle);
    }

    @Override
    public LeadSearchRepository search() {
        return new LeadSearchDao(handle);
    }

    @Override
    public UserRepository users() {
        if (users == null) {
            users = handle.attach(UserDao.class);
        }
        return users;
    }

    @Override
    public AuditRepository audit() {
        return new AuditDao(handle);
    }

    @Override
    public cn.mediationdesk.logic.store.ExchangeRepository exchange() {
        return new ExchangeDao(handle);
    }

    @Override
    public cn.mediationdesk.logic.store.AgendaRepository agenda() {
        return new AgendaDao(handle);
    }

    @Override
    public ImportProfileRepository importProfiles() {
        return handle.attach(ImportProfileDao.class);
    }

    @Override
    public cn.mediationdesk.logic.store.MonthlyRepository monthly() {
        return new MonthlyDao(handle);
    }

    @Override
    public DatabaseAccounts databaseAccounts() {
        return new PostgresAccounts(handle.getConnection());
    }

    @Override
    public cn.mediationdesk.logic.store.RepeatRepository repeats() {
        return new RepeatDao(handle);
    }

    @Override
    public cn.mediationdesk.logic.store.GeneratedLeadWriter generatedLeads() {
        return new GeneratedLeadBulkWriter(handle);
    }

    @Override
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }
}
