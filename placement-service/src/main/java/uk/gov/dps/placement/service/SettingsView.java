package uk.gov.dps.placement.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.dps.events.provider.SettingSnapshot;
import uk.gov.dps.events.provider.VacancySnapshot;
import uk.gov.dps.placement.domain.Projections.SettingView;
import uk.gov.dps.placement.domain.Projections.VacancyView;
import uk.gov.dps.runtime.ProblemException;

/**
 * placement-service's copy of providers' settings and vacancies (dps.providers): each event carries the whole setting
 * or vacancy, so the latest one wins; an older snapshot arriving late changes nothing.
 */
@ApplicationScoped
public class SettingsView {

    public void settingChanged(SettingSnapshot snapshot) {
        SettingView existing = SettingView.findById(snapshot.settingId());
        if (existing != null && existing.changedAt.isAfter(snapshot.changedAt())) {
            return;
        }
        SettingView setting = existing != null ? existing : new SettingView();
        setting.settingId = snapshot.settingId();
        setting.providerId = snapshot.providerId();
        setting.name = snapshot.name();
        setting.kind = snapshot.kind();
        setting.ofstedUrn = snapshot.ofstedUrn();
        setting.dfeNumber = snapshot.dfeNumber();
        setting.postcodeDistrict = snapshot.postcodeDistrict();
        setting.country = snapshot.country();
        setting.registeredPlaces = snapshot.registeredPlaces();
        SettingSnapshot.Profile profile = snapshot.profile();
        setting.minAge = profile.minAge();
        setting.maxAge = profile.maxAge();
        setting.sexes = profile.sexes().toArray(String[]::new);
        setting.needs = profile.needs().toArray(String[]::new);
        setting.emergencyAdmissions = profile.emergencyAdmissions();
        setting.soloPlacement = profile.soloPlacement();
        setting.ownerGroupName = snapshot.ownerGroup() == null ? null : snapshot.ownerGroup().name();
        setting.ownerGroupNumber = snapshot.ownerGroup() == null ? null : snapshot.ownerGroup().companiesHouseNumber();
        setting.forProfit = snapshot.forProfit();
        setting.active = snapshot.active();
        setting.changedAt = snapshot.changedAt();
        if (existing == null) {
            setting.persist();
        }
    }

    public void vacancyChanged(VacancySnapshot snapshot) {
        VacancyView existing = VacancyView.findById(snapshot.vacancyId());
        if (existing != null && existing.changedAt.isAfter(snapshot.changedAt())) {
            return;
        }
        VacancyView vacancy = existing != null ? existing : new VacancyView();
        vacancy.vacancyId = snapshot.vacancyId();
        vacancy.settingId = snapshot.settingId();
        vacancy.providerId = snapshot.providerId();
        vacancy.places = snapshot.places();
        vacancy.availableFrom = snapshot.availableFrom();
        vacancy.minAge = snapshot.minAge();
        vacancy.maxAge = snapshot.maxAge();
        vacancy.needs = snapshot.needs() == null ? null : snapshot.needs().toArray(String[]::new);
        vacancy.emergency = snapshot.emergency();
        vacancy.status = snapshot.status();
        vacancy.confirmedAt = snapshot.confirmedAt();
        vacancy.changedAt = snapshot.changedAt();
        if (existing == null) {
            vacancy.persist();
        }
    }

    /**
     * The setting an offer names: one of the offering provider's own active settings. Another provider's setting, a
     * closed one or one not (yet) known here is refused, so an offer never points at a home it cannot use.
     */
    public Optional<SettingView> offeredSetting(UUID settingId, UUID provider) {
        if (settingId == null) {
            return Optional.empty();
        }
        SettingView setting = SettingView.findById(settingId);
        if (setting == null || !setting.providerId.equals(provider)) {
            throw ProblemException.unprocessable("Setting " + settingId + " is not one of your settings.");
        }
        if (!setting.active) {
            throw ProblemException.unprocessable("Setting " + setting.name + " is closed: offer one of your open "
                    + "settings.");
        }
        return Optional.of(setting);
    }
}
